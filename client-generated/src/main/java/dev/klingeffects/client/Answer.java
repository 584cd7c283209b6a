package dev.klingeffects.client;

import java.net.http.HttpHeaders;

/** One HTTP answer as it arrived, its body decoded as UTF-8 (RFC 8259: JSON is UTF-8). */
record Answer(int status, HttpHeaders headers, String body) {

    boolean successful() {
        return status / 100 == 2;
    }
}
