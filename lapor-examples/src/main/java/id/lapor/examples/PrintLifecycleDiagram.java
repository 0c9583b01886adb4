package id.lapor.examples;

import id.lapor.core.lifecycle.Transitions;

/** Prints the lifecycle as a Mermaid diagram generated from the transition table, for the README. */
public final class PrintLifecycleDiagram {
    private PrintLifecycleDiagram() {
    }

    public static void main(String[] args) {
        System.out.print("```mermaid\n" + Transitions.mermaid() + "```\n");
    }
}
