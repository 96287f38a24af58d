import { DateTime } from 'luxon';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { N8n } from './n8n';
import { credentialsFor, workflow } from './workflows';

const today = () => DateTime.now().setZone('Europe/Rome').toISODate()!;

/**
 * Both polling triggers active in a running n8n, each feeding a sandbox sink: nothing on
 * activation, each new payout and paid link once, nothing again after a restart. `file` names
 * the test file's credentials and workflows (its n8n may be shared with other files).
 */
export class PollingTriggers {
	sandbox!: Sandbox;

	private readonly workflows: string[];

	constructor(
		private readonly n8n: N8n,
		private readonly file: string,
	) {
		this.workflows = [`${file}-payouts`, `${file}-links`];
	}

	async setUp(): Promise<void> {
		this.sandbox = await startSandbox({ reporting: { days: 0 }, xpay: { orders: 0, links: 0 } });
		await this.n8n.importCredentials(credentialsFor(this.sandbox, this.file));
		await this.n8n.importWorkflow(
			this.sinkWorkflow(
				this.workflows[0],
				{
					type: 'n8n-nodes-nexi.nexiReportingTrigger',
					credential: 'checkout',
					parameters: { event: 'newPayout', output: 'payout', lookbackDays: 7 },
				},
				'payouts',
				'id',
			),
			this.sinkWorkflow(
				this.workflows[1],
				{
					type: 'n8n-nodes-nexi.nexiXPayTrigger',
					credential: 'xpay',
					parameters: { event: 'payMailLinkPaid', lookbackDays: 2 },
				},
				'links',
				'transactionCode',
			),
		);
	}

	async tearDown(): Promise<void> {
		for (const id of this.workflows) await this.n8n.deactivate(id).catch(() => undefined);
		await this.sandbox?.close();
	}

	/** A trigger workflow that posts what it receives to a sandbox sink, with the execution's id. */
	private sinkWorkflow(
		id: string,
		trigger: { type: string; parameters: Record<string, unknown>; credential: 'checkout' | 'xpay' },
		sink: string,
		field: string,
	) {
		return workflow(
			this.file,
			id,
			`Sink ${sink}`,
			[
				{
					name: 'Trigger',
					...trigger,
					parameters: { ...trigger.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] } },
				},
				{
					name: 'Sink',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'POST',
						url: `${this.sandbox.url}/_sandbox/sink/${sink}`,
						sendBody: true,
						specifyBody: 'json',
						jsonBody: `={{ JSON.stringify({ execution: $execution.id, key: $json.${field} }) }}`,
					},
				},
			],
			[['Trigger', 'Sink']],
		);
	}

	private polls(path: string): number {
		return this.sandbox.requests.filter((r) => r.path.endsWith(path)).length;
	}

	private received(sink: string) {
		return (this.sandbox.sinks[sink] ?? []).map(
			(entry) => entry.body as { execution: string; key: string },
		);
	}

	/**
	 * The scenario, with the assertions of each step. `afterFirstScheduledCheck`: add the new
	 * records only once each trigger has checked on its schedule, not right after activation
	 * (with durable poll cursors, n8n 2.41.1 keeps nothing of an activation check that emitted
	 * nothing: the first scheduled check records what is there; see the README).
	 */
	async run({ afterFirstScheduledCheck = false } = {}): Promise<void> {
		const { n8n, sandbox } = this;
		// Already there before activation: part of the baseline, never emitted.
		sandbox.reporting.addPayout({ date: today(), currency: 'EUR', actions: 2 });
		sandbox.xpay.createLink('E2E-OLD-PAID', 1000, 24, 'https://x.example', {});
		sandbox.xpay.pay('E2E-OLD-PAID', 'paid');
		sandbox.xpay.createLink('E2E-LINK', 2500, 24, 'https://x.example', {});

		// Activated in the running n8n: each trigger polls at once.
		for (const id of this.workflows) await n8n.activate(id);
		await n8n.waitFor(
			'the activation polls',
			() => this.polls('/report/v1/payouts') >= 1 && this.polls('/ReportPaymail') >= 1,
			60_000,
		);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		if (afterFirstScheduledCheck) {
			const [payouts, links] = [this.polls('/report/v1/payouts'), this.polls('/ReportPaymail')];
			await n8n.waitFor(
				'the first scheduled checks',
				() => this.polls('/report/v1/payouts') > payouts && this.polls('/ReportPaymail') > links,
				90_000,
			);
			await new Promise((resolve) => setTimeout(resolve, 2000));
		}
		expect(this.received('payouts')).toEqual([]);
		expect(this.received('links')).toEqual([]);

		const payout = sandbox.reporting.addPayout({ date: today(), currency: 'SEK', actions: 3 });
		sandbox.xpay.pay('E2E-LINK', 'paid');
		await n8n.waitFor(
			'one execution per trigger',
			() => this.received('payouts').length >= 1 && this.received('links').length >= 1,
			150_000,
		);

		// The next scheduled poll finds nothing new.
		const before = this.polls('/report/v1/payouts');
		await n8n.waitFor('the next poll', () => this.polls('/report/v1/payouts') > before, 90_000);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(this.received('payouts').map((r) => r.key)).toEqual([payout.id]);
		expect(this.received('links').map((r) => r.key)).toEqual(['E2E-LINK']);

		// A restart re-activates the workflows, which poll at once: still nothing new.
		await n8n.stop();
		const beforeRestart = this.polls('/report/v1/payouts');
		await n8n.start();
		await n8n.waitFor(
			'the poll after the restart',
			() => this.polls('/report/v1/payouts') > beforeRestart && this.polls('/ReportPaymail') > 0,
			90_000,
		);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(this.received('payouts').map((r) => r.key)).toEqual([payout.id]);
		expect(this.received('links').map((r) => r.key)).toEqual(['E2E-LINK']);
		expect(new Set(this.received('payouts').map((r) => r.execution)).size).toBe(1);
	}
}
