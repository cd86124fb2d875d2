import type { UserView } from '../../../projections/users/users.projection.js';
import { DomainError } from '../../shared/domain-error.js';
import type { PermitCommand } from '../permit.commands.js';
import type { EngineerNominee } from '../permit.events.js';

export interface NominationRequest {
  readonly engineerId?: string;
  readonly organisation?: string;
}

/** What the nomination reads of the user an `engineerId` names. */
type Engineer = Pick<UserView, 'grants' | 'disabled'>;

const invalidNominee = (message: string, field: string) =>
  new DomainError('PERMIT.INVALID_NOMINEE', message, 'invalid', { field });

/**
 * Whom the applicant nominates: an office as named, or an engineer in the office they hold the engineer
 * role for (the one named, or their only one). `engineer` is the user `engineerId` names, if any.
 */
export function nomineeOf(request: NominationRequest, engineer: Engineer | undefined): EngineerNominee {
  const { engineerId, organisation } = request;
  if (engineerId === undefined) {
    if (organisation === undefined)
      throw invalidNominee('Name an engineer or an engineering office', 'engineerId');
    return { organisation };
  }
  const offices = engineer?.disabled === false ? officesOf(engineer) : [];
  if (offices.length === 0) throw invalidNominee(`${engineerId} is not an engineer`, 'engineerId');
  const office = organisation ?? (offices.length === 1 ? offices[0] : undefined);
  if (office === undefined)
    throw invalidNominee('The engineer works for several offices: name one', 'organisation');
  if (!offices.includes(office))
    throw invalidNominee(`${engineerId} is not an engineer of ${office}`, 'organisation');
  return { organisation: office, engineerId };
}

const officesOf = (user: Engineer) =>
  user.grants.flatMap((g) => (g.role === 'engineer' && g.organisation ? [g.organisation] : []));

export const nominateEngineer = (permitId: string, nominee: EngineerNominee): PermitCommand => ({
  type: 'NominateEngineer',
  data: { permitId, nominee },
});
