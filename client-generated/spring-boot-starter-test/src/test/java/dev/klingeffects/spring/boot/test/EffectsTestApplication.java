package dev.klingeffects.spring.boot.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** An application with nothing of its own: the starter's auto-configuration gives it the client. */
@SpringBootConfiguration
@EnableAutoConfiguration
class EffectsTestApplication {}
