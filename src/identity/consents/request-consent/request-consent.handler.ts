import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { consentsProjection } from '../../../../projections/consents/consents.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { newId } from '../../../shared/ids.js';
import { maskMobile } from '../../../shared/masking.js';
import { SMS_SENDER, type SmsSender } from '../../../shared/sms/sms.port.js';
import { CodeLimits } from '../../one-time-codes/code-limits.js';
import { codeMessages } from '../../one-time-codes/code-messages.js';
import { OneTimeCodes } from '../../one-time-codes/one-time-codes.js';
import { OrganisationsReadModel } from '../../organisations/organisations.read-model.js';
import { canonicalMobile, canonicalNationalId } from '../../personal-details.js';
import { IDENTITY_MATCH, type IdentityMatch } from '../../proofing/identity-match.port.js';
import { UsersReadModel } from '../../users/users.read-model.js';
import { consentDecider, type ConsentCommand } from '../consent.decider.js';
import { consentStream } from '../consent.events.js';
import { RequestConsentCommand } from './request-consent.command.js';

/**
 * A counter office asks a citizen for consent: a code goes to the citizen's own mobile (their account's,
 * or for a citizen without one, a mobile the identity registry confirms), and the citizen reads it back.
 */
@CommandHandler(RequestConsentCommand)
export class RequestConsentHandler implements ICommandHandler<RequestConsentCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly users: UsersReadModel,
    private readonly organisations: OrganisationsReadModel,
    @Inject(IDENTITY_MATCH) private readonly registry: IdentityMatch,
    private readonly codes: OneTimeCodes,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly limits: CodeLimits,
  ) {}

  async execute({
    input,
    context,
  }: RequestConsentCommand): Promise<{ consentId: string; expiresAt: string; sentTo: string }> {
    const nationalId = canonicalNationalId(input.nationalId);
    const given = input.mobile === undefined ? undefined : canonicalMobile(input.mobile);
    const account = this.users.byNationalId(nationalId);
    const mobile = account?.mobile ?? given;
    const nowMs = Date.parse(context.now);
    this.limits.beforeAsking(input.address, nowMs);
    const reachable: Extract<ConsentCommand, { type: 'RequestConsent' }>['data']['reachable'] =
      account?.mobile
        ? 'account'
        : !given
          ? 'no_mobile'
          : (await this.registry.matches(nationalId, given))
            ? 'registered_mobile'
            : 'mobile_mismatch';
    if (mobile && (reachable === 'account' || reachable === 'registered_mobile'))
      this.limits.beforeSending('consent', { nationalId, mobile }, nowMs);
    const consentId = newId();
    const code = this.codes.draw('consent', consentId);
    const { state } = await this.commands.run(
      consentStream(consentId),
      consentDecider,
      {
        type: 'RequestConsent',
        data: {
          consentId,
          office: input.office,
          requestedBy: input.operator,
          citizenNationalId: nationalId,
          citizenUserId: account?.userId ?? null,
          hours: input.hours,
          codeDigest: code.digest,
          now: context.now,
          reachable,
        },
      },
      context,
      { awaiting: [consentsProjection.name] },
    );
    if (state.status !== 'requested' || !mobile)
      throw new Error(`consent ${consentId} is ${state.status} at its request`);
    const officeName = this.organisations.get(input.office)?.nameFa ?? input.office;
    await this.sms.send({
      to: mobile,
      text: codeMessages.consent(code.code, officeName, input.hours),
      reference: `consent-${consentId}`,
    });
    return { consentId, expiresAt: state.challenge.expiresAt, sentTo: maskMobile(mobile) };
  }
}
