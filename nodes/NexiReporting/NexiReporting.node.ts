import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as paymentAction from './actions/paymentAction/PaymentAction.resource';
import * as payout from './actions/payout/Payout.resource';
import { router } from './actions/router';

export class NexiReporting implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Nexi Reporting',
		name: 'nexiReporting',
		icon: { light: 'file:../../icons/nexi.svg', dark: 'file:../../icons/nexi.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { "payout:get": "Get a payout", "payout:getMany": "Get many payouts", "paymentAction:getMany": "Get payment actions" }[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description:
			'Read payouts and the payment actions (charges, refunds, fees) settled in them from the Nexi Checkout Reporting API',
		defaults: { name: 'Nexi Reporting' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'nexiCheckoutApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Payout',
						value: 'payout',
						description: 'Money Nexi paid out to your bank account',
					},
					{
						name: 'Payment Action',
						value: 'paymentAction',
						description: 'A charge, refund or fee settled inside a payout',
					},
				],
				default: 'payout',
			},
			...payout.description,
			...paymentAction.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
