import type { DomainError } from '../../shared/domain-error.js';
import type { DomainEvent } from '../event-envelope.js';

/**
 * A use case's pure core: `decide` turns a command and the current state into events (or a refusal),
 * `evolve` folds events into state. No framework, no I/O, no clock: time and ids arrive in the command.
 */
export interface Decider<Command, State, Event extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => readonly Event[] | DomainError;
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<never, State, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}
