package id.lapor.core.routing;

/** A report being routed, with its text folded once, on first need. */
final class Subject {
    final RoutingInput input;
    final String region;
    private String title;
    private String body;

    Subject(RoutingInput input) {
        this.input = input;
        this.region = input.region().value();
    }

    String foldedTitle() {
        if (title == null) {
            title = IndonesianText.fold(input.title());
        }
        return title;
    }

    String foldedBody() {
        if (body == null) {
            body = IndonesianText.fold(input.body());
        }
        return body;
    }
}
