package io.github.xuke;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Xuke (许可): the licensing window of a city work-safety bureau, on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class XukeApplication {

  public static void main(String[] args) {
    SpringApplication.run(XukeApplication.class, args);
  }
}
