package dev.enclave.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Draws items from lists without repeats (within one document) until a list runs out, then reshuffles it. */
final class Deck {
    private final Draw draw;
    private final Map<List<String>, ArrayDeque<String>> decks = new IdentityHashMap<>();

    Deck(Draw draw) {
        this.draw = draw;
    }

    String next(List<String> items) {
        ArrayDeque<String> deck = decks.get(items);
        if (deck == null || deck.isEmpty()) {
            List<String> shuffled = new ArrayList<>(items);
            draw.shuffle(shuffled);
            deck = new ArrayDeque<>(shuffled);
            decks.put(items, deck);
        }
        return deck.pop();
    }
}
