import { existsSync } from 'node:fs';

import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** A node of an imported workflow whose parameter panel is pictured. */
export interface ParameterPanel {
	workflowId: string;
	nodeName: string;
	file: string;
}

/**
 * Signs in to a running n8n in headless Chromium (Debian's package), searches the node panel
 * for "Nexi" and saves what a user sees, then opens each given node's parameter panel and
 * saves that too, for the README.
 */
export async function screenshotNodePanel(
	baseUrl: string,
	login: { email: string; password: string },
	files: { search: string; actions: string },
	panels: ParameterPanel[] = [],
): Promise<void> {
	if (!existsSync(CHROMIUM))
		throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
	const browser = await launch();
	try {
		const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
		await page.goto(`${baseUrl}/signin`);
		await page.getByLabel(/email/i).first().fill(login.email);
		await page
			.getByLabel(/password/i)
			.first()
			.fill(login.password);
		await page.getByRole('button', { name: /sign in/i }).click();
		await page.waitForURL(/home|workflows/, { timeout: 60_000 });
		await page.goto(`${baseUrl}/workflow/new`);
		const addFirstStep = page.locator('[data-test-id="canvas-add-button"]').first();
		await addFirstStep.waitFor({ timeout: 60_000 });
		const search = page
			.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input')
			.first();
		// The canvas can take a moment to listen after it is drawn: click until the panel opens.
		for (let attempt = 0; attempt < 5 && !(await search.isVisible()); attempt++) {
			await addFirstStep.click();
			await search.waitFor({ timeout: 6000 }).catch(() => undefined);
		}
		await search.fill('Nexi');
		await page.getByText('Nexi Reporting').first().waitFor({ timeout: 30_000 });
		await page.waitForTimeout(500);
		await page.screenshot({ path: files.search });
		// Opening Nexi XPay lists its trigger events and every action, in plain English.
		await page.getByText('Nexi XPay', { exact: true }).first().click();
		const capture = page.getByText(/capture a payment/i).first();
		await page
			.getByText(/^Actions \(\d+\)/)
			.first()
			.waitFor({ timeout: 30_000 });
		if (!(await capture.isVisible()))
			await page
				.getByText(/^Actions \(\d+\)/)
				.first()
				.click();
		await capture.waitFor({ timeout: 30_000 });
		await page.waitForTimeout(500);
		await page.screenshot({ path: files.actions });
		for (const panel of panels) await screenshotParameters(page, baseUrl, panel);
	} catch (error) {
		await browser
			.contexts()[0]
			?.pages()[0]
			?.screenshot({ path: `${files.search}.failed.png` })
			.catch(() => undefined);
		throw error;
	} finally {
		await browser.close();
	}
}

async function launch() {
	return await chromium.launch({
		executablePath: CHROMIUM,
		// Chromium's own background traffic is refused on this closed network: switch it off.
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** Opens a workflow, double-clicks the node and saves its parameter panel as a user sees it. */
async function screenshotParameters(page: Page, baseUrl: string, panel: ParameterPanel) {
	await page.goto(`${baseUrl}/workflow/${panel.workflowId}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${panel.nodeName}"]`);
	await node.first().waitFor({ timeout: 60_000 });
	const ndv = page.locator('[data-test-id="ndv"]').first();
	for (let attempt = 0; attempt < 5 && !(await ndv.isVisible()); attempt++) {
		await node.first().dblclick();
		await ndv.waitFor({ timeout: 6000 }).catch(() => undefined);
	}
	await page.locator('[data-test-id="node-parameters"]').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(1000);
	await page.screenshot({ path: panel.file });
}
