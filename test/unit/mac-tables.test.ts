import {
	MAC_FIELDS as NODE_MAC_FIELDS,
	OUTCOME_MAC_FIELDS as NODE_OUTCOME_FIELDS,
} from '../../nodes/NexiXPay/backOffice/protocol/mac';
import { MAC_FIELDS as SANDBOX_MAC_FIELDS } from '../../sandbox/xpay/api';
import { OUTCOME_MAC_FIELDS as SANDBOX_OUTCOME_FIELDS } from '../../sandbox/xpay/outcome';

/**
 * The sandbox keeps its own copy of XPay's MAC field orders (so that it can catch a mistake
 * in the node's); this test catches the two copies drifting apart.
 */
describe("the sandbox's MAC table and the node's", () => {
	const services = Object.keys(NODE_MAC_FIELDS);
	// Services the node knows the MAC of but the sandbox does not simulate yet.
	const notSimulated: string[] = [];

	test.each(services.filter((service) => !notSimulated.includes(service)))(
		'%s: the same fields in the same order',
		(service) => {
			expect(SANDBOX_MAC_FIELDS[service]).toEqual([
				...NODE_MAC_FIELDS[service as keyof typeof NODE_MAC_FIELDS],
			]);
		},
	);

	test('the sandbox simulates no service the node does not know, and lacks only the listed ones', () => {
		expect(Object.keys(SANDBOX_MAC_FIELDS).sort()).toEqual(
			services.filter((service) => !notSimulated.includes(service)).sort(),
		);
	});

	test('payment outcomes: the same fields in the same order', () => {
		expect([...SANDBOX_OUTCOME_FIELDS]).toEqual([...NODE_OUTCOME_FIELDS]);
	});
});
