package dev.enclave.sample;

/** Sex of a generated person, for pronouns and courtesy titles. */
enum Sex {
    FEMALE("she", "her", "her", "woman", "female", "F"),
    MALE("he", "his", "him", "man", "male", "M");

    private final String subject;
    private final String possessive;
    private final String object;
    private final String noun;
    private final String adjective;
    private final String letter;

    Sex(String subject, String possessive, String object, String noun, String adjective, String letter) {
        this.subject = subject;
        this.possessive = possessive;
        this.object = object;
        this.noun = noun;
        this.adjective = adjective;
        this.letter = letter;
    }

    String subject() {
        return subject;
    }

    String possessive() {
        return possessive;
    }

    String object() {
        return object;
    }

    String noun() {
        return noun;
    }

    String adjective() {
        return adjective;
    }

    String letter() {
        return letter;
    }
}
