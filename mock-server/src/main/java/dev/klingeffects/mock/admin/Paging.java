package dev.klingeffects.mock.admin;

import dev.klingeffects.contract.ContractError;
import io.javalin.http.Context;

/** {@code ?limit=&cursor=} of an admin listing, checked: a page is never larger than {@link AdminApi#MAX_PAGE}. */
record Paging(long cursor, int limit, boolean newestFirst, ContractError error) {

    static Paging of(Context ctx) {
        String limitText = ctx.queryParam("limit");
        String cursorText = ctx.queryParam("cursor");
        String order = ctx.queryParam("order");
        if (order != null && !order.equals("oldest") && !order.equals("newest")) {
            return new Paging(0, 0, false, ContractError.valueOutOfRange(
                    "parameter 'order' must be one of [oldest, newest], got " + ContractError.quote(order)));
        }
        int limit = AdminApi.DEFAULT_PAGE;
        long cursor = 0;
        try {
            if (limitText != null) {
                limit = Integer.parseInt(limitText);
            }
            if (cursorText != null && !cursorText.isEmpty()) {
                cursor = Long.parseLong(cursorText);
            }
        } catch (NumberFormatException e) {
            return invalid();
        }
        if (limit < 1 || limit > AdminApi.MAX_PAGE || cursor < 0) {
            return invalid();
        }
        return new Paging(cursor, limit, "newest".equals(order), null);
    }

    private static Paging invalid() {
        return new Paging(0, 0, false, ContractError.valueOutOfRange("parameter 'limit' must be from 1 to "
                + AdminApi.MAX_PAGE + " and 'cursor' a 'next_cursor' from an earlier page"));
    }
}
