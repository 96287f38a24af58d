// `npm run bench`: the figures of BENCHMARKS.md, measured side by side on the local sandbox.
//   npm run bench                 everything: in process, then in a real n8n (scripts/bench-n8n.ts), about 25 minutes
//   npm run bench -- --quick      fewer sizes and runs, for a first look
//   npm run bench -- --no-n8n     the in-process tables only
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../sandbox/server';
import { Poller, runNode } from '../test/helpers/harness';
import { CONCURRENCY, idealMs, median, PAGE, ROOT, tsNodeArgs } from './bench-common';

const quick = process.argv.includes('--quick');
const LATENCIES = [0, 20, 50];
const SIZES = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
const RUNS = quick ? 1 : 3;
const fmt = (value: number, digits = 1) => value.toFixed(digits);

interface Child {
	ms: number;
	items: number;
	error?: string;
	rssGrowth: number;
	heapGrowth: number;
	retained: number;
}

/** Median growth of RSS, peak heap and retained memory over runs, each as a multiple of the raw JSON. */
const memoryRatios = (runs: Child[], rawBytes: number) =>
	(['rssGrowth', 'heapGrowth', 'retained'] as const)
		.map((key) => `${fmt(median(runs.map((r) => r[key])) / rawBytes, 2)}×`)
		.join(' / ');

let tinyId = '';

/** Async, so that the sandbox in this process keeps answering while the child measures. */
async function child(
	sandbox: Sandbox,
	payoutId: string,
	concurrency: number,
	nodeFlags: string[] = [],
): Promise<Child> {
	const { stdout: out } = await promisify(execFile)(
		process.execPath,
		[
			'--expose-gc',
			...nodeFlags,
			...tsNodeArgs('bench-child.ts'),
			sandbox.url,
			sandbox.reporting.testKey,
			payoutId,
			String(concurrency),
			tinyId,
		],
		{ encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
	);
	return JSON.parse(out.trim().split('\n').pop() as string) as Child;
}

async function main(): Promise<void> {
	const sandbox = await startSandbox({ reporting: { days: 0 } });
	const lines: string[] = [];
	const log = (line = '') => {
		lines.push(line);
		console.log(line);
	};

	tinyId = sandbox.reporting.addPayout({ date: '2020-01-14', currency: 'EUR', actions: 1 }).id;
	const payouts = new Map<number, { id: string; rawBytes: number }>();
	for (const size of SIZES) {
		const payout = sandbox.reporting.addPayout({
			date: '2020-01-15',
			currency: 'EUR',
			actions: size,
		});
		const stored = sandbox.reporting.list().find((s) => s.payout.id === payout.id)!;
		payouts.set(size, {
			id: payout.id,
			rawBytes: Buffer.byteLength(JSON.stringify(stored.actions)),
		});
	}

	log('# Benchmarks');
	log();
	log(
		`Measured ${DateTime.now().toFormat('yyyy-MM-dd')} with \`npm run bench\`${quick ? ' -- --quick' : ''} on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
	);
	log(
		`Medians of ${RUNS} run${RUNS > 1 ? 's' : ''}; ${PAGE} payment actions per page; the sandbox adds the latency to every answer.`,
	);
	log();
	log('## Payment Action → Get Many (Return All), in process through n8n-core');
	log();
	log(
		`Ours reads page 0, then the other pages ${CONCURRENCY} at a time. The baseline is the same node and transport reading one page after the other (Parallel Requests = 1), i.e. the plain page-by-page loop. Ideal = (1 + ceil((pages − 1) / ${CONCURRENCY})) round trips × latency.`,
	);
	log();
	log(
		"Memory: each run is a process of its own that first reads a one-action list (loading n8n-core and the node) and collects its garbage; growth is the peak during the measured read minus the level after that collection, sampled every 5 ms, divided by the size of the list's raw JSON. RSS is what the machine gives the process (the target's measure); peak heap is V8's used heap plus the memory outside it (buffers), garbage included; retained is what the items still hold after a full collection.",
	);
	log();
	log(
		'| Latency | Actions | Requests | Ours (s) | Sequential (s) | Speed-up | Ours ÷ ideal | Items/s (ours) | Raw JSON | Memory growth ÷ raw JSON (ours): RSS / peak heap / retained |',
	);
	log('|---|---|---|---|---|---|---|---|---|---|');
	for (const latency of LATENCIES) {
		sandbox.faults.configure({ latencyMs: latency });
		for (const size of SIZES) {
			const { id, rawBytes } = payouts.get(size)!;
			const ours: Child[] = [];
			const sequential: Child[] = [];
			let requests = 0;
			for (let run = 0; run < RUNS; run++) {
				sandbox.requests.length = 0;
				ours.push(await child(sandbox, id, CONCURRENCY));
				requests = sandbox.requests.filter((request) => request.path.endsWith(id)).length; // not the warm-up's
				sequential.push(await child(sandbox, id, 1));
			}
			for (const result of [...ours, ...sequential])
				if (result.error || result.items !== size)
					throw new Error(`bad run: ${JSON.stringify(result)}`);
			const oursMs = median(ours.map((r) => r.ms));
			const seqMs = median(sequential.map((r) => r.ms));
			const ideal = idealMs(size, latency);
			log(
				`| ${latency} ms | ${size.toLocaleString('en')} | ${requests} | ${fmt(oursMs / 1000, 2)} | ${fmt(seqMs / 1000, 2)} | ${fmt(seqMs / oursMs)}× | ${latency ? `${fmt(oursMs / ideal, 2)}×` : 'n/a'} | ${Math.round(size / (oursMs / 1000)).toLocaleString('en')} | ${fmt(rawBytes / 2 ** 20)} MiB | ${memoryRatios(ours, rawBytes)} |`,
			);
		}
	}

	log();
	// How much of the peak is V8 using memory it has: the largest list again, with a heap limit.
	const largest = SIZES[SIZES.length - 1];
	const { id: largestId, rawBytes: largestRaw } = payouts.get(largest)!;
	sandbox.faults.configure({ latencyMs: 20 });
	const limited: Child[] = [];
	for (let run = 0; run < RUNS; run++)
		limited.push(await child(sandbox, largestId, CONCURRENCY, ['--max-old-space-size=200']));
	if (limited.some((r) => r.error || r.items !== largest))
		throw new Error(`bad run: ${JSON.stringify(limited)}`);
	log(
		`With a heap limit (\`node --max-old-space-size=200\`, 20 ms, ${largest.toLocaleString('en')} actions): ${fmt(median(limited.map((r) => r.ms)) / 1000, 2)} s, memory growth ÷ raw JSON ${memoryRatios(limited, largestRaw)} (RSS / peak heap / retained).`,
	);

	log();
	log('## Windows and polls');
	log();
	sandbox.faults.configure({ latencyMs: 20 });
	const day = Date.parse('2024-03-04T08:00:00Z');
	for (let i = 0; i < 1000; i++)
		sandbox.xpay.createLink(
			`BENCH-${i}`,
			100 + i,
			24,
			'https://x.example',
			{},
			day + Math.floor(i / 50) * 86_400_000 + (i % 50) * 60_000,
		);
	sandbox.requests.length = 0;
	let started = Date.now();
	const links = await runNode({
		type: 'n8n-nodes-nexi.nexiXPay',
		parameters: {
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: '2024-03-01',
			toDate: '2024-03-31',
			returnAll: true,
		},
		credentials: {
			nexiXPayApi: {
				environment: 'custom',
				baseUrl: sandbox.url,
				alias: sandbox.xpay.options.alias,
				macKey: sandbox.xpay.options.macKey,
			},
		},
	});
	log(
		`- PayMail Link → Get Many over 1,000 links (50 a day for 20 days, at most 100 per search), 20 ms latency: ${links.items.length} links in ${sandbox.requests.length} requests, ${fmt((Date.now() - started) / 1000, 2)} s.`,
	);

	// XPay's API-key platform: a month per order search, paged by time; windows read 4 at a time.
	const fourMonthsAgo = Date.parse('2024-05-01T08:00:00Z');
	for (let i = 0; i < 1000; i++)
		sandbox.xpayKey.addOrder({
			orderId: `BENCH-KEY-${i}`,
			amount: 100 + i,
			at: fourMonthsAgo + Math.floor((i * 120 * 86_400_000) / 1000),
		});
	sandbox.requests.length = 0;
	started = Date.now();
	const keyOrders = await runNode({
		type: 'n8n-nodes-nexi.nexiXPay',
		typeVersion: 2,
		parameters: {
			authentication: 'apiKey',
			resource: 'order',
			operation: 'getMany',
			fromDate: '2024-05-01',
			toDate: '2024-08-31',
			returnAll: true,
		},
		credentials: {
			nexiXPayKeyApi: {
				environment: 'custom',
				baseUrl: sandbox.url,
				apiKey: sandbox.xpayKey.options.apiKey,
			},
		},
	});
	const keyMs = Date.now() - started;
	log(
		`- Nexi XPay (API key) Order → Get Many over 1,000 orders across four months (28-day windows, read 4 at a time; each window one page of up to 500 and one search that confirms its end), 20 ms latency: ${keyOrders.items.length} orders in ${sandbox.requests.length} requests, ${fmt(keyMs / 1000, 2)} s (the same requests one after the other would take at least ${fmt((sandbox.requests.length * 20) / 1000, 2)} s).`,
	);

	log(`- ${await settledLinks()}`);

	sandbox.reporting.removeAll();
	const today = DateTime.now().setZone('Europe/Rome');
	const poller = new Poller({
		type: 'n8n-nodes-nexi.nexiReportingTrigger',
		parameters: { event: 'newPayout', output: 'payout', lookbackDays: 7 },
		credentials: {
			nexiCheckoutApi: {
				environment: 'custom',
				baseUrl: sandbox.url,
				secretKey: sandbox.reporting.testKey,
				merchantNumber: '',
			},
		},
	});
	for (let i = 0; i < 5000; i++)
		sandbox.reporting.addPayout({
			date: today.minus({ days: i % 7 }).toISODate()!,
			currency: 'EUR',
			actions: 0,
		});
	sandbox.requests.length = 0;
	started = Date.now();
	await poller.poll();
	log(
		`- Nexi Reporting Trigger, one poll over a 7-day window holding 5,000 payouts, 20 ms latency: ${sandbox.requests.length} requests, ${fmt((Date.now() - started) / 1000, 2)} s (the activation poll; a later poll costs the same reads).`,
	);

	await sandbox.close();
	writeFileSync(join(ROOT, 'BENCHMARKS.md'), `${lines.join('\n')}\n`);

	// The real-n8n comparison appends its own table; it starts n8n and a sandbox of its own.
	if (!process.argv.includes('--no-n8n')) {
		const args = quick
			? ['--sizes', '1000,10000', '--runs', '1']
			: ['--sizes', SIZES.join(','), '--runs', String(RUNS)];
		execFileSync(process.execPath, [...tsNodeArgs('bench-n8n.ts'), ...args], {
			cwd: ROOT,
			stdio: 'inherit',
		});
	}
}

/**
 * What recognising a paid link without trusting an undocumented wording costs: 1,000 links whose
 * status text the node does not know (the variant sandbox), half of them paid, each settled by
 * reading its order, four at a time.
 */
async function settledLinks(): Promise<string> {
	const variant = await startSandbox({
		variant: true,
		xpay: { orders: 0, links: 0 },
		faults: { latencyMs: 20 },
	});
	const day = Date.parse('2024-03-04T08:00:00Z');
	for (let i = 0; i < 1000; i++) {
		const code = `BENCH-V-${i}`;
		variant.xpay.createLink(
			code,
			100 + i,
			24,
			'https://x.example',
			{},
			day + Math.floor(i / 50) * 86_400_000 + (i % 50) * 60_000,
		);
		if (i % 2 === 0)
			variant.xpay.pay(
				code,
				'paid',
				day + Math.floor(i / 50) * 86_400_000 + (i % 50) * 60_000 + 1000,
			);
	}
	variant.requests.length = 0;
	const started = Date.now();
	const result = await runNode({
		type: 'n8n-nodes-nexi.nexiXPay',
		parameters: {
			resource: 'payMailLink',
			operation: 'getMany',
			fromDate: '2024-03-01',
			toDate: '2024-03-31',
			returnAll: true,
		},
		credentials: {
			nexiXPayApi: {
				environment: 'custom',
				baseUrl: variant.url,
				alias: variant.xpay.options.alias,
				macKey: variant.xpay.options.macKey,
			},
		},
	});
	const seconds = (Date.now() - started) / 1000;
	const reads = variant.requests.filter((request) =>
		request.path.endsWith('/situazioneOrdine'),
	).length;
	const paid = result.items.filter((item) => item.json.paymentStatus === 'paid').length;
	await variant.close();
	return `PayMail Link → Get Many over 1,000 links whose status text the node does not recognise (variant sandbox), 20 ms latency: ${result.items.length} links (${paid} paid) in ${variant.requests.length} requests, of them ${reads} order reads (one per such link, four at a time), ${fmt(seconds, 2)} s.`;
}

void main();
