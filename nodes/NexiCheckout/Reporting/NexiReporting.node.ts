import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import {
	operationSubtitle,
	resourceProperties,
	routeToOperation,
	type ResourceDefinition,
} from '../../common/router';
import * as paymentAction from './actions/paymentAction/PaymentAction.resource';
import * as payout from './actions/payout/Payout.resource';
import { searchPayouts } from './methods/listSearch';
import { CHECKOUT_CREDENTIAL } from '../protocol/environment';
import { ReportingClient } from './transport/client';

const RESOURCES: Array<ResourceDefinition<ReportingClient>> = [
	{
		name: 'Payout',
		value: 'payout',
		description: 'Money Nexi paid out to your bank account',
		defaultOperation: 'getMany',
		operations: payout,
	},
	{
		name: 'Payment Action',
		value: 'paymentAction',
		description: 'A charge, refund or fee settled inside a payout',
		defaultOperation: 'getMany',
		operations: paymentAction,
	},
];

export class NexiReporting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi Reporting',
		name: 'nexiReporting',
		icon: { light: 'file:../../../icons/nexi.svg', dark: 'file:../../../icons/nexi.dark.svg' },
		group: ['transform'],
		// 2: Simplify (on by default: decimal amounts beside the minor units), payouts picked
		// from a list.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: operationSubtitle(RESOURCES),
		description:
			'Read payouts and the payment actions (charges, refunds, fees) settled in them from the Nexi Checkout Reporting API',
		defaults: { name: 'Nexi Reporting' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CHECKOUT_CREDENTIAL, required: true }],
		properties: resourceProperties(RESOURCES),
	};

	methods = { listSearch: { searchPayouts } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeToOperation(this, RESOURCES, ReportingClient.connect);
	}
}
