import { createPublicKey } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type NoteSigner,
  privateKeyFrom,
  verifierKeyOf,
} from '../../../signing/transparency/note-verifier-key.js';
import { LEDGER_SIGNER } from '../ledger-signer.js';
import { GetLedgerKeyQuery } from './get-ledger-key.query.js';

@QueryHandler(GetLedgerKeyQuery)
export class GetLedgerKeyHandler implements IQueryHandler<GetLedgerKeyQuery> {
  private readonly key: string;

  constructor(@Inject(LEDGER_SIGNER) signer: NoteSigner) {
    this.key = verifierKeyOf(signer.name, createPublicKey(privateKeyFrom(signer.privateKey)));
  }

  execute(): Promise<string> {
    return Promise.resolve(this.key);
  }
}
