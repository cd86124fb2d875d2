import { fold, type Decider } from '../../src/event-store/command-handling/decider.js';
import type { DomainEvent } from '../../src/event-store/event-envelope.js';

/** Decider specs read as given events, when a command: then the events decided, or the refusal. */
export function given<Command, State, Event extends DomainEvent>(
  decider: Decider<Command, State, Event>,
  ...history: Event[]
): { when: (command: Command) => ReturnType<Decider<Command, State, Event>['decide']> } {
  return { when: (command) => decider.decide(command, fold(decider, history)) };
}
