package io.github.delayclose.autoconfigure;

/**
 * The application has no bean for one of the SPI interfaces delay-close needs. Thrown at start-up
 * and explained by {@link DelayCloseFailureAnalyzer}.
 */
public class MissingSpiImplementationException extends RuntimeException {

    private final Class<?> spiType;

    private final String howToProvide;

    public MissingSpiImplementationException(Class<?> spiType, String purpose, String howToProvide) {
        super("delay-close needs a bean of type " + spiType.getName() + " (" + purpose + "), but the application has none");
        this.spiType = spiType;
        this.howToProvide = howToProvide;
    }

    public Class<?> getSpiType() {
        return spiType;
    }

    public String getHowToProvide() {
        return howToProvide;
    }
}
