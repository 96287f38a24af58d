import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { mapConcurrent } from '../../common/concurrency';
import { isoDate, todayIn } from '../../common/dates';
import { diffSeen, loadPollState, savePollState } from '../../common/pollState';
import { lookbackDaysField, optionsCollection, readLookbackDays } from '../../common/parameters';
import {
	payoutFiltersField,
	readCurrencyFilter,
	reportingSimplifyFields,
} from './actions/common.descriptions';
import { REPORTING_LIST_DEFAULTS } from './transport/listDefaults';
import { CHECKOUT_CREDENTIAL } from '../protocol/environment';
import { DEFAULT_LIST_OPTIONS, getPayout, listPaymentActions, listPayouts } from './domain/payouts';
import type { Payout } from './transport/schemas';
import { simplifyPaymentAction, simplifyPayout, simplifyPayoutDetail } from './domain/simplify';
import { ReportingClient } from './transport/client';

export class NexiReportingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi Reporting Trigger',
		name: 'nexiReportingTrigger',
		icon: { light: 'file:../../../icons/nexi.svg', dark: 'file:../../../icons/nexi.dark.svg' },
		group: ['trigger'],
		// 2: Simplify on by default (decimal amounts beside the minor units).
		version: [1, 2],
		defaultVersion: 2,
		subtitle:
			'={{ "New payout" + ($parameter["output"] === "paymentActions" ? ": one item per payment action" : "") }}',
		description:
			'Starts the workflow once for each new payout from Nexi Checkout (checked on a schedule)',
		defaults: { name: 'Nexi Reporting Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CHECKOUT_CREDENTIAL, required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'New Payout',
						value: 'newPayout',
						action: 'On new payout',
						description: "A payout appeared in Nexi's reports",
					},
				],
				default: 'newPayout',
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Payout', value: 'payout', description: 'One item per payout' },
					{
						name: 'Payout With Payment Actions',
						value: 'payoutWithActions',
						description: 'One item per payout, with every payment action inlined',
					},
					{
						name: 'Payment Actions',
						value: 'paymentActions',
						description:
							'One item per payment action of each new payout, carrying the payout ID, reference and date: one spreadsheet row each',
					},
				],
				default: 'payout',
			},
			payoutFiltersField,
			...reportingSimplifyFields,
			{
				...lookbackDaysField(
					'Payouts dated up to this many days back are watched, so one that shows up late (dated days ago) is still caught. Each is emitted once.',
					REPORTING_LIST_DEFAULTS,
				),
				hint: 'Payouts can appear a few days after their date: a shorter window can miss them',
			},
			optionsCollection([
				{
					displayName: 'Emit Existing Payouts on Activation',
					name: 'emitExisting',
					type: 'boolean',
					default: false,
					description:
						'Whether the first check after activation emits the payouts already in the lookback window (once), instead of only remembering them',
				},
			]),
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const node = this.getNode();
		const lookbackDays = readLookbackDays(this, REPORTING_LIST_DEFAULTS);
		const output = this.getNodeParameter('output', 'payout') as string;
		const filters = this.getNodeParameter('filters', {}) as IDataObject;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const simplify = this.getNodeParameter('simplify', false) as boolean;
		const currency = readCurrencyFilter(node, 0, filters);

		const today = todayIn(this.getTimezone());
		const from = today.minus({ days: lookbackDays });
		// Tomorrow too: a payout announced for the next day is as new as one dated today.
		const to = today.plus({ days: 1 });
		const client = await ReportingClient.connect(this, 0);
		const payouts = oldestFirst(
			await listPayouts(client, { from, to, currency }, DEFAULT_LIST_OPTIONS),
		);

		if (this.getMode() === 'manual') {
			// "Fetch test event": the latest real payout, and no change to what the trigger remembers.
			const latest = payouts[payouts.length - 1];
			if (!latest) {
				throw new NodeOperationError(
					node,
					`No payouts dated from ${isoDate(from)} to ${isoDate(to)} to show as a sample`,
					{
						description:
							'Nexi has no payout in the lookback window yet. Raise Lookback Days to find an older one.',
					},
				);
			}
			return [await render(client, [latest], output, simplify)];
		}

		const staticData = this.getWorkflowStaticData('node');
		const state = loadPollState(staticData);
		const { seen, added } = diffSeen(
			state,
			payouts.map((payout) => ({ key: payout.id, day: payout.date ?? isoDate(today), payout })),
			isoDate(from),
		);
		const fresh = added.map(({ payout }) => payout);

		const toEmit = state.initialized ? fresh : options.emitExisting === true ? payouts : [];
		// Everything that can fail happens before the state changes: a failed poll leaves it as it was.
		const items = toEmit.length > 0 ? await render(client, toEmit, output, simplify) : [];
		savePollState(staticData, { initialized: true, seen });
		return items.length > 0 ? [items] : null;
	}
}

/** By payout date, keeping Nexi's order within a day. */
function oldestFirst(payouts: Payout[]): Payout[] {
	return payouts
		.map((payout, index) => ({ payout, index }))
		.sort(
			(a, b) =>
				String(a.payout.date ?? '').localeCompare(String(b.payout.date ?? '')) || a.index - b.index,
		)
		.map(({ payout }) => payout);
}

/**
 * A few payouts at a time, as the range export reads them; the items keep the payouts' order.
 * Simplified (version 2's default), amounts come in major units beside the minor ones.
 */
async function render(
	client: ReportingClient,
	payouts: Payout[],
	output: string,
	simplify: boolean,
): Promise<INodeExecutionData[]> {
	if (output === 'payout') {
		return payouts.map((payout) => ({
			json: simplify ? simplifyPayout(payout) : (payout as IDataObject),
		}));
	}
	const perPayout = await mapConcurrent(
		payouts,
		DEFAULT_LIST_OPTIONS.concurrency,
		async (payout) => {
			if (output === 'paymentActions') {
				const actions = await listPaymentActions(client, payout.id, DEFAULT_LIST_OPTIONS);
				return simplify ? actions.map(simplifyPaymentAction) : actions;
			}
			const detail = await getPayout(client, payout.id, true, DEFAULT_LIST_OPTIONS);
			return [simplify ? simplifyPayoutDetail(detail) : (detail as IDataObject)];
		},
	);
	return perPayout.flat().map((json) => ({ json }));
}
