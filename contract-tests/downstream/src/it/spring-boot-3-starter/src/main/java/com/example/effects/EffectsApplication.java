package com.example.effects;

import dev.klingeffects.client.EffectRequest;
import dev.klingeffects.client.KlingEffectsClient;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A team's service: the starter gives it the client; it writes no glue of its own. */
@SpringBootApplication
@RestController
public class EffectsApplication {

    private final KlingEffectsClient client;

    public EffectsApplication(KlingEffectsClient client) {
        this.client = client;
    }

    public static void main(String[] args) {
        SpringApplication.run(EffectsApplication.class, args);
    }

    @PostMapping("/lion")
    public String lion(@RequestParam String image) {
        return client.submit(EffectRequest.singleImage("pet_lion_pro", image)).taskId();
    }
}
