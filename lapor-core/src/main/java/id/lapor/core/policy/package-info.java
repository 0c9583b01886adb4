/**
 * Policies: one versioned document holding the unit directory, the category catalogue, references to calendars
 * (id and version), SLA targets, the escalation ladder, routing rules and SMS keywords, in force between two
 * dates.
 *
 * <p>Adapters read a file into a {@link id.lapor.core.policy.PolicyDocument} (values as written) with the line of
 * each path ({@link id.lapor.core.policy.PolicyLines}); the {@link id.lapor.core.policy.PolicyValidator} turns it
 * into a {@link id.lapor.core.policy.Policy} or refuses it whole, every
 * {@link id.lapor.core.policy.PolicyProblem} by path and line. A {@link id.lapor.core.policy.PolicyBook} holds the
 * versions of a policy and says which is in force at an instant, by one rule on every node.
 */
package id.lapor.core.policy;
