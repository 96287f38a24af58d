import { N8n } from './n8n';
import { PollingTriggers } from './pollingTriggers';

const triggers = new PollingTriggers(N8n.shared(), 'triggers');

beforeAll(async () => await triggers.setUp());

afterAll(async () => await triggers.tearDown());

test('active triggers in a running n8n: nothing on activation, each new payout and paid link once, nothing again after a restart', async () => {
	await triggers.run();
});
