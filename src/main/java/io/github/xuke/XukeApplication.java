package io.github.xuke;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Xuke (许可): the licensing window of a city work-safety bureau, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class XukeApplication {

  public static void main(String[] args) {
    SpringApplication.run(XukeApplication.class, args);
  }
}
