/** The NoteSigner of the deployment's checkpoints (see loadLedgerSigner). */
export const LEDGER_SIGNER = Symbol('LEDGER_SIGNER');
