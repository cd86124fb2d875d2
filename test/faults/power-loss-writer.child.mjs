// Spawned by power-loss.int.spec.ts under the power-loss shim: runs crash-writer.child.mjs (the
// same store, appenders and acknowledgements) unchanged, or, for the negative control, with the store's
// `synchronous` pragma replaced by POWER_LOSS_SYNCHRONOUS, to show that the test sees lost writes.
//
//   node power-loss-writer.child.mjs <database file>
import Database from 'better-sqlite3';

const replacement = process.env.POWER_LOSS_SYNCHRONOUS;
if (replacement) {
  const pragma = Database.prototype.pragma;
  Database.prototype.pragma = function (source, options) {
    const changed = /^\s*synchronous\s*=/i.test(source) ? `synchronous = ${replacement}` : source;
    return pragma.call(this, changed, options);
  };
}
await import('../event-store/crash-writer.child.mjs');
