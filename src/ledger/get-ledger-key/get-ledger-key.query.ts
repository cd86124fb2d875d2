import { Query } from '@nestjs/cqrs';

/** The verifier key of the ledger's checkpoints, `<name>+<key id>+<base64 key>`. */
export class GetLedgerKeyQuery extends Query<string> {}
