import { N8n } from './n8n';
import { PollingTriggers } from './pollingTriggers';
import { isN8n1 } from './versions';

/**
 * Durable poll cursors (n8n 2.36+, N8N_POLLER_DURABLE_CURSORS_ENABLED; from 2.37 only with the
 * scheduler switches below): n8n saves a polling trigger's cursor with its execution, in a table
 * of its own. The same scenario as triggers.e2e.ts (which runs with them off), on an n8n of its
 * own with them on: nothing missed or repeated across polls and a restart. The 1.x line has no
 * such setting. One difference, n8n's: with them on, n8n 2.41.1 keeps nothing of an activation
 * check that emitted nothing (its cursor stays empty), so the first scheduled check records what
 * is there; the new records come after it (README, Compatibility).
 */
(isN8n1() ? describe.skip : describe)('durable poll cursors on', () => {
	let n8n: N8n;
	let triggers: PollingTriggers;

	beforeAll(async () => {
		n8n = new N8n({
			N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true',
			N8N_SCHEDULER_ENABLED: 'true',
			N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
			N8N_USE_WORKFLOW_PUBLICATION_SERVICE: 'true',
		});
		triggers = new PollingTriggers(n8n, 'durable');
		await triggers.setUp();
		await n8n.start();
	});

	afterAll(async () => {
		await triggers?.tearDown();
		await n8n?.dispose();
	});

	test('both polling triggers: nothing on activation, each new record once, nothing again after a restart', async () => {
		await triggers.run({ afterFirstScheduledCheck: true });
		// The setting really took effect: n8n warns at start when a switch it needs is off.
		expect(n8n.readLogs()).not.toContain('durable poll cursors stay disabled');
	});
});
