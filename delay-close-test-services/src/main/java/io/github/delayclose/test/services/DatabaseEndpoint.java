package io.github.delayclose.test.services;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A test database.
 *
 * @param jdbcUrl JDBC URL of the database
 * @param username user
 * @param password password
 */
public record DatabaseEndpoint(String jdbcUrl, String username, String password) {

    /** Points Spring Boot's {@code spring.datasource.*} properties at this database. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", this::username);
        registry.add("spring.datasource.password", this::password);
    }

    /** The same, as {@code key=value} pairs for {@code ApplicationContextRunner.withPropertyValues}. */
    public String[] propertyValues() {
        return new String[] { "spring.datasource.url=" + jdbcUrl, "spring.datasource.username=" + username,
                "spring.datasource.password=" + password };
    }
}
