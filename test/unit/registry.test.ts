import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { NexiReporting } from '../../nodes/NexiCheckout/Reporting/NexiReporting.node';
import { NexiReportingTrigger } from '../../nodes/NexiCheckout/Reporting/NexiReportingTrigger.node';
import { NexiXPay } from '../../nodes/NexiXPay/NexiXPay.node';
import { NexiXPayTrigger } from '../../nodes/NexiXPay/NexiXPayTrigger.node';

/**
 * The operation registry: each resource module lists its operations once, and the node's
 * Operation lists, subtitle and routing all come from there. The values below are the public
 * contract saved workflows store; they never change. Nexi XPay speaks two APIs, each shown for
 * its choice of Authentication ('' is a node without that choice).
 */
const CONTRACT: Record<string, Record<string, Record<string, string[]>>> = {
	nexiReporting: { '': { payout: ['get', 'getMany'], paymentAction: ['getMany'] } },
	nexiXPay: {
		aliasMacKey: {
			order: ['capture', 'get', 'getMany', 'refund'],
			payMailLink: ['create', 'getMany', 'regenerate'],
			report: ['download', 'getMany'],
			warning: ['getMany'],
		},
		apiKey: {
			order: ['cancel', 'capture', 'get', 'getMany', 'refund'],
			paymentLink: ['cancel', 'create'],
			operation: ['get', 'getMany'],
		},
	},
};

const nodes: Array<[string, INodeTypeDescription]> = [
	['nexiReporting', new NexiReporting().description],
	['nexiXPay', new NexiXPay().description],
];

const operationSelectors = (description: INodeTypeDescription) =>
	description.properties.filter((property) => property.name === 'operation');

/** The Authentication a property is shown for ('' when it is shown for every one). */
const apiOf = (property: INodeProperties) =>
	(property.displayOptions?.show?.authentication as string[] | undefined)?.[0] ?? '';

describe.each(nodes)('%s', (name, description) => {
	test('its resources and operations are exactly the contract', () => {
		const resources: Record<string, string[]> = {};
		for (const selector of description.properties.filter(({ name: n }) => n === 'resource'))
			resources[apiOf(selector)] = (selector.options as Array<{ value: string }>).map(
				({ value }) => value,
			);
		expect(resources).toEqual(
			Object.fromEntries(Object.entries(CONTRACT[name]).map(([api, r]) => [api, Object.keys(r)])),
		);
		const found: Record<string, Record<string, string[]>> = {};
		for (const selector of operationSelectors(description)) {
			const [resourceValue] = selector.displayOptions?.show?.resource as string[];
			found[apiOf(selector)] ??= {};
			found[apiOf(selector)][resourceValue] = (selector.options as Array<{ value: string }>)
				.map(({ value }) => value)
				.sort();
		}
		expect(found).toEqual(CONTRACT[name]);
	});

	test('every Operation list is sorted by name, each option with an action, and its default one of them', () => {
		for (const selector of operationSelectors(description)) {
			const options = selector.options as Array<{ name: string; value: string; action: string }>;
			expect(options.map(({ name: label }) => label)).toEqual(
				options.map(({ name: label }) => label).sort((a, b) => a.localeCompare(b)),
			);
			for (const option of options) expect(option.action).toMatch(/^[A-Z][a-z]/);
			expect(options.map(({ value }) => value)).toContain(selector.default);
		}
	});

	test("an operation's fields show only for its API, resource and operation", () => {
		const fields = description.properties.filter(
			(property) => !['resource', 'operation', 'authentication'].includes(property.name),
		);
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields as INodeProperties[]) {
			const show = field.displayOptions?.show ?? {};
			expect(show.resource).toHaveLength(1);
			expect(show.operation).toHaveLength(1);
			expect(CONTRACT[name][apiOf(field)][show.resource![0] as string]).toContain(
				show.operation![0],
			);
		}
	});

	test('the subtitle names the action of every operation, from the same list', () => {
		const subtitle = description.subtitle as string;
		const table = JSON.parse(/^=\{\{ (\{.*\})\[/.exec(subtitle)![1]) as Record<string, string>;
		const expected: Record<string, string> = {};
		for (const selector of operationSelectors(description)) {
			const [resourceValue] = selector.displayOptions?.show?.resource as string[];
			const api = apiOf(selector);
			for (const option of selector.options as Array<{ value: string; action: string }>) {
				expected[`${api ? `${api}:` : ''}${resourceValue}:${option.value}`] = option.action;
			}
		}
		expect(table).toEqual(expected);
	});
});

/**
 * What n8n's node panel lists for a trigger: each event option's `action`, or else a name n8n
 * derives ("On " + the name in lower case: "On pay mail link paid").
 */
describe('trigger events in the node panel', () => {
	const triggers: Array<[string, INodeTypeDescription]> = [
		['nexiReportingTrigger', new NexiReportingTrigger().description],
		['nexiXPayTrigger', new NexiXPayTrigger().description],
	];

	test.each(triggers)('%s: every event has an action, in plain English', (_name, description) => {
		const event = description.properties.find((property) => property.name === 'event');
		const options = (event?.options ?? []) as Array<{ name: string; action?: string }>;
		expect(options.length).toBeGreaterThan(0);
		for (const option of options) expect(option.action).toMatch(/^On [a-z]/i);
	});

	test('the brand is spelled PayMail wherever n8n shows it', () => {
		const shown = [NexiXPayTrigger, NexiXPay, NexiReportingTrigger, NexiReporting].flatMap(
			(Node) => {
				const texts: string[] = [];
				const walk = (value: unknown, key = ''): void => {
					if (typeof value === 'string') {
						if (
							[
								'displayName',
								'name',
								'action',
								'description',
								'hint',
								'subtitle',
								'placeholder',
							].includes(key)
						)
							texts.push(value);
					} else if (Array.isArray(value)) value.forEach((entry) => walk(entry, key));
					else if (value && typeof value === 'object')
						for (const [child, entry] of Object.entries(value)) walk(entry, child);
				};
				walk(new Node().description);
				return texts;
			},
		);
		// A subtitle's expression names values (payMailLinkPaid) that n8n never shows.
		const visible = shown.map((text) => text.replace(/\bpayMail[A-Z]\w*/g, ''));
		expect(visible.join(' ').match(/PayMail/g)?.length).toBeGreaterThan(5);
		expect(visible.filter((text) => /pay\s?-?mail/i.test(text.replace(/PayMail/g, '')))).toEqual(
			[],
		);
	});
});

/** What an AI agent reads of each operation it may call (the nodes are usableAsTool). */
describe('as AI tools', () => {
	const operations = (description: INodeTypeDescription) =>
		operationSelectors(description).flatMap(
			(selector) => selector.options as Array<{ value: string; description: string }>,
		);

	test('the operations that move money say so, and what they need; no other operation does', () => {
		const xpay = new NexiXPay().description;
		expect(xpay.usableAsTool).toBe(true);
		const needs: Record<string, string> = {
			aliasMacKey: 'needs the transaction code and the amount',
			apiKey: 'needs the order ID',
		};
		const moving: string[] = [];
		for (const selector of operationSelectors(xpay))
			for (const option of selector.options as Array<{ value: string; description: string }>)
				if (option.description.includes('moves money')) {
					moving.push(`${apiOf(selector)}:${option.value}`);
					expect(option.description).toContain(needs[apiOf(selector)]);
				}
		expect(moving.sort()).toEqual([
			'aliasMacKey:capture',
			'aliasMacKey:refund',
			'apiKey:cancel',
			'apiKey:capture',
			'apiKey:refund',
		]);
		const reporting = new NexiReporting().description;
		expect(reporting.usableAsTool).toBe(true);
		expect(operations(reporting).some((option) => option.description.includes('money'))).toBe(
			false,
		);
	});
});
