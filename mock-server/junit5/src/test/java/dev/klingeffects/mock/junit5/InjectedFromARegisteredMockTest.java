package dev.klingeffects.mock.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A registered extension hands out the same parameters as the annotation. */
class InjectedFromARegisteredMockTest {

    @RegisterExtension
    KlingEffectsMockExtension mock = KlingEffectsMockExtension.create();

    @Test
    void injectsTheBaseUrlAndTheAdminClientOfThisTestsMock(@KlingEffectsMockBaseUrl String baseUrl, MockAdmin admin)
            throws Exception {
        String taskId = new ServiceUnderTest(baseUrl).submit("pet_lion_pro");

        assertThat(baseUrl).isEqualTo(mock.baseUrl());
        assertThat(admin.task(taskId)).isNotNull();
    }
}
