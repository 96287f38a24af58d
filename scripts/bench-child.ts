// One in-process measurement for scripts/bench.ts, in a process of its own so that its memory
// figures are its own: runs Payment Action → Get Many through n8n-core and prints one JSON line.
// Node runs it with --expose-gc.
import { runNode } from '../test/helpers/harness';

const gc = (globalThis as { gc?: () => void }).gc as () => void;

async function main(): Promise<void> {
	const [baseUrl, secretKey, payoutId, concurrency, warmUpId] = process.argv.slice(2);
	const credentials = {
		nexiCheckoutApi: { environment: 'custom', baseUrl, secretKey, merchantNumber: '' },
	};
	const read = async (id: string) =>
		await runNode({
			parameters: {
				resource: 'paymentAction',
				operation: 'getMany',
				payoutId: id,
				returnAll: true,
				options: { concurrency: Number(concurrency) },
			},
			credentials,
		});

	// A first run over a one-action list loads n8n-core and the node, and a full collection
	// then leaves only what stays: growth is measured from there, in this same process, so a
	// figure does not depend on how another process's heap happened to grow.
	await read(warmUpId);
	gc();
	const before = process.memoryUsage();
	const heapOf = (usage: NodeJS.MemoryUsage) => usage.heapUsed + usage.external;
	let peakRss = before.rss;
	let peakHeap = heapOf(before);
	const sample = () => {
		const usage = process.memoryUsage();
		peakRss = Math.max(peakRss, usage.rss);
		peakHeap = Math.max(peakHeap, heapOf(usage));
	};
	const sampler = setInterval(sample, 5);

	const started = process.hrtime.bigint();
	const { items, error } = await read(payoutId);
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	sample();
	clearInterval(sampler);
	// What the result itself holds once the garbage of reading it is gone (the items are still referenced below).
	gc();
	const retained = heapOf(process.memoryUsage()) - heapOf(before);
	process.stdout.write(
		`${JSON.stringify({ ms, items: items.length, error: error?.message, rssGrowth: peakRss - before.rss, heapGrowth: peakHeap - heapOf(before), retained })}\n`,
	);
}

void main();
