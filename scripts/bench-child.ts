// One in-process measurement for scripts/bench.ts, in a process of its own so that its memory
// figures are its own: runs Payment Action → Get Many through n8n-core and prints one JSON line.
import { runNode } from '../test/helpers/harness';

async function main(): Promise<void> {
	const [baseUrl, secretKey, payoutId, concurrency] = process.argv.slice(2);
	const credentials = { nexiCheckoutApi: { environment: 'custom', baseUrl, secretKey, merchantNumber: '' } };
	// The peak RSS of the whole process: bench.ts subtracts the peak of a run over a tiny list,
	// which is what loading n8n-core and the node costs.
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 10);
	const started = process.hrtime.bigint();
	const { items, error } = await runNode({
		parameters: { resource: 'paymentAction', operation: 'getMany', payoutId, returnAll: true, options: { concurrency: Number(concurrency) } },
		credentials,
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	peak = Math.max(peak, process.memoryUsage().rss);
	clearInterval(sampler);
	process.stdout.write(`${JSON.stringify({ ms, items: items.length, error: error?.message, peakRss: peak })}\n`);
}

void main();
