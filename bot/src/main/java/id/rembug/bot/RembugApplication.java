package id.rembug.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RembugApplication {

    public static void main(String[] args) {
        SpringApplication.run(RembugApplication.class, args);
    }
}
