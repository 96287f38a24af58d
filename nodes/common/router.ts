import {
	NodeOperationError,
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { runForEachItem } from './itemLoop';
import { shownOnlyWith } from './parameters';

/** How an operation shows in its resource's Operation list. */
export interface OperationOption {
	name: string;
	value: string;
	description: string;
	/** The action's name in the node panel and the node's subtitle. */
	action: string;
}

/** One input item's work; the router pairs the items and applies Continue On Fail. */
export type OperationExecute<Client> = (
	this: IExecuteFunctions,
	client: Client,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

/** What every `*.operation.ts` exports. */
export interface OperationModule<Client> {
	option: OperationOption;
	/** The operation's own fields; the registry shows them only for its resource and operation. */
	description: INodeProperties[];
	execute: OperationExecute<Client>;
}

export interface ResourceDefinition<Client> {
	name: string;
	value: string;
	description: string;
	defaultOperation: string;
	/** A resource module (`*.resource.ts`): one `export * as <operation>` line per operation. */
	operations: Record<string, OperationModule<Client>>;
}

function operationsOf<Client>(
	resource: ResourceDefinition<Client>,
): Array<OperationModule<Client>> {
	return Object.values(resource.operations);
}

/**
 * The Resource selector, then each resource's Operation selector followed by its operations'
 * fields. `shownWith` adds a condition to every one of them: a node that speaks two APIs shows
 * each API's resources only for its choice of Authentication.
 */
export function resourceProperties<Client>(
	resources: ReadonlyArray<ResourceDefinition<Client>>,
	shownWith?: Record<string, string[]>,
): INodeProperties[] {
	const properties = apiProperties(resources);
	return shownWith === undefined ? properties : shownOnlyWith(shownWith, properties);
}

function apiProperties<Client>(
	resources: ReadonlyArray<ResourceDefinition<Client>>,
): INodeProperties[] {
	const firstResource = resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value, description }) => ({ name, value, description })),
			default: firstResource,
		},
	];
	for (const resource of resources) {
		const operations = operationsOf(resource);
		const { defaultOperation } = resource;
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: operations
				.map(({ option }) => ({ ...option }))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		});
		for (const operation of operations) {
			properties.push(
				...updateDisplayOptions(
					{ show: { resource: [resource.value], operation: [operation.option.value] } },
					operation.description,
				),
			);
		}
	}
	return properties;
}

/** The node's subtitle: the action name of the operation `key` (an n8n expression) names. */
function subtitleOf(actions: Record<string, string>, key: string): string {
	return `={{ ${JSON.stringify(actions)}[${key}] }}`;
}

/** Each operation's action name, by `resource:operation`, with `prefix` before it. */
function actionNames<Client>(
	resources: ReadonlyArray<ResourceDefinition<Client>>,
	prefix = '',
): Record<string, string> {
	const actions: Record<string, string> = {};
	for (const resource of resources) {
		for (const { option } of operationsOf(resource)) {
			actions[`${prefix}${resource.value}:${option.value}`] = option.action;
		}
	}
	return actions;
}

/** The node's subtitle: the chosen operation's action name. */
export function operationSubtitle<Client>(
	resources: ReadonlyArray<ResourceDefinition<Client>>,
): string {
	return subtitleOf(
		actionNames(resources),
		'$parameter["resource"] + ":" + $parameter["operation"]',
	);
}

/**
 * Runs the chosen operation once per input item, with a client connected for that item.
 * Both nodes execute through here, so the item loop, pairing and Continue On Fail are the
 * same for every operation.
 */
export async function routeToOperation<Client>(
	context: IExecuteFunctions,
	resources: ReadonlyArray<ResourceDefinition<Client>>,
	connect: (context: IExecuteFunctions, itemIndex: number) => Promise<Client>,
): Promise<INodeExecutionData[][]> {
	const resourceName = context.getNodeParameter('resource', 0) as string;
	const operationName = context.getNodeParameter('operation', 0) as string;
	const resource = resources.find(({ value }) => value === resourceName);
	const operation =
		resource && operationsOf(resource).find(({ option }) => option.value === operationName);
	if (!operation) {
		throw new NodeOperationError(
			context.getNode(),
			`The operation "${operationName}" is not supported for "${resourceName}"`,
		);
	}
	return await runForEachItem(context, async (itemIndex) => {
		const client = await connect(context, itemIndex);
		return await operation.execute.call(context, client, itemIndex);
	});
}

/** One of the APIs a node speaks, chosen with its Authentication parameter. */
export interface ApiDefinition<Client> {
	/** The Authentication option that selects it. */
	authentication: string;
	resources: ReadonlyArray<ResourceDefinition<Client>>;
	connect: (context: IExecuteFunctions, itemIndex: number) => Promise<Client>;
}

/** An API of a node, its client type erased so that APIs of different clients share one list. */
export function defineApi<Client>(definition: ApiDefinition<Client>): ApiDefinition<unknown> {
	return definition as unknown as ApiDefinition<unknown>;
}

/** The subtitle of a node that speaks several APIs: the chosen operation's action name. */
export function apiSubtitle(
	apis: ReadonlyArray<ApiDefinition<unknown>>,
	defaultAuthentication: string,
): string {
	const actions = Object.assign(
		{},
		...apis.map((api) => actionNames(api.resources, `${api.authentication}:`)),
	) as Record<string, string>;
	return subtitleOf(
		actions,
		`($parameter["authentication"] || ${JSON.stringify(defaultAuthentication)}) + ":" + $parameter["resource"] + ":" + $parameter["operation"]`,
	);
}

/** Runs the chosen operation of the API the Authentication parameter names. */
export async function routeByAuthentication(
	context: IExecuteFunctions,
	apis: ReadonlyArray<ApiDefinition<unknown>>,
	defaultAuthentication: string,
): Promise<INodeExecutionData[][]> {
	const authentication = context.getNodeParameter(
		'authentication',
		0,
		defaultAuthentication,
	) as string;
	const api = apis.find((candidate) => candidate.authentication === authentication);
	if (!api) {
		throw new NodeOperationError(
			context.getNode(),
			`The authentication "${authentication}" is not supported`,
		);
	}
	return await routeToOperation(context, api.resources, api.connect);
}
