import type { BenchFigure } from '../figure.js';
import { load, startServer, UNIQUE, type LoadOptions } from '../http-server.js';
import { demoToken } from './demo-token.js';

/**
 * `http.inquiry.auto`: a notary office files transfer inquiries (استعلام نقل و انتقال) for the demo
 * parcel that owes nothing, each with a new reference, 50 connections; each is checked by the
 * inquiry reaction and answered with a signed document within the request (goal ≥ 500/s).
 */
const inquiryAuto: BenchFigure = {
  name: 'http.inquiry.auto',
  async run(context) {
    const server = await startServer(context.dir);
    try {
      const options = await inquiryAutoLoad(server.url);
      context.log('loading POST /inquiries with 50 connections');
      const figure = await load(server.url, options);
      const count = async (query: string) => {
        const res = await fetch(`${server.url}/inquiries?pageSize=1${query}`, {
          headers: { authorization: options.headers!['authorization']! },
        });
        return ((await res.json()) as { total: number }).total;
      };
      // Answered within the request is a 201; every inquiry filed must end answered and signed.
      const [filed, answered] = await Promise.all([count(''), count('&status=answered')]);
      return { ...figure, filed, answered, goalPerSecond: 500 };
    } finally {
      await server.stop();
    }
  },
};

/** The figure's requests: the demo notary office filing, each inquiry with a reference of its own. */
export async function inquiryAutoLoad(url: string): Promise<LoadOptions> {
  const token = await demoToken(url, 'notary');
  return {
    name: 'http.inquiry.auto',
    connections: 50,
    seconds: 5,
    // Measured once the JIT has compiled the path of a fresh server.
    warmupSeconds: 5,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/inquiries',
        body: JSON.stringify({
          kind: 'Transfer',
          renewalCode: '1-1-1-1-0-0-0',
          requesterReference: `BENCH-${UNIQUE}`,
          purpose: 'sale of the property',
        }),
      },
    ],
  };
}

export const inquiryFigures: readonly BenchFigure[] = [inquiryAuto];
