// Drives Debian's Chromium (via playwright-core) through page/index.html, served here from another
// origin than the API, and checks what it renders against the API itself. Run by
// scripts/browser-e2e.sh, which installs Chromium and starts the service; see that script for the
// environment it passes. Prints "browser-e2e: N passed, M failed" last and exits 1 on any failure.
import { createHmac, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { mkdtemp, readFile, readdir, rm, mkdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const pageDir = join(here, 'page');

const apiBase = required('API_BASE').replace(/\/+$/, '');
// The first session should hold both first plays (NEW) and improvements (deltas).
const sessionIDs = required('SESSION_IDS').split(',').map((s) => s.trim()).filter(Boolean);
const token = process.env.API_TOKEN || 'demo-token-customise';
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshot = resolve(process.env.SCREENSHOT || 'target/browser-e2e.png');
const accessLogDir = process.env.ACCESS_LOG_DIR || '';
const stepTimeout = Number(process.env.STEP_TIMEOUT_MS || 30000);
// The page's port, fixed when the service only allows that origin (TACHI_CORS_ALLOWED_ORIGIN).
const pagePort = Number(process.env.PAGE_PORT || 0);
// Tachi's login, as its server stores it: a Redis on this port, this instance name and secret.
// Without REDIS_PORT the logged-in part is skipped.
const redisPort = Number(process.env.REDIS_PORT || 0);
const tachiName = process.env.TACHI_NAME || 'Tachi';
const sessionSecret = process.env.TACHI_SESSION_SECRET || '';
const cookieSessionID = process.env.COOKIE_SESSION_ID || sessionIDs[sessionIDs.length - 1];

function required(name) {
	const value = process.env[name];
	if (!value) {
		console.error(`browser-e2e: environment variable ${name} is required`);
		process.exit(2);
	}
	return value;
}

// --- a tiny check list -------------------------------------------------------------------------
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
	if (ok) {
		passed++;
		console.log(`  ok   ${name}`);
	} else {
		failed++;
		console.log(`  FAIL ${name}${detail ? `\n       ${detail.replace(/\n/g, '\n       ')}` : ''}`);
	}
	return ok;
}

function equal(name, actual, expected) {
	const a = JSON.stringify(actual);
	const e = JSON.stringify(expected);
	return check(name, a === e, `expected ${e}\nactual   ${a}`);
}

// --- the expected table, from the API directly ---------------------------------------------------
function signed(n) {
	return n > 0 ? `+${n}` : String(n);
}

async function apiSession(sessionID) {
	const res = await fetch(`${apiBase}/api/v1/sessions/${encodeURIComponent(sessionID)}`);
	const json = await res.json();
	if (res.status !== 200 || json.success !== true) {
		throw new Error(`GET session ${sessionID} from node: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
	}
	return json.body;
}

/** The body of any GET of the API, fetched by node (not through the page). */
async function apiJson(path) {
	const res = await fetch(`${apiBase}${path}`);
	const json = await res.json();
	if (res.status !== 200 || json.success !== true) {
		throw new Error(`GET ${path} from node: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
	}
	return json.body;
}

function expectedRows(body) {
	const byId = (list, key) => new Map(list.map((x) => [x[key], x]));
	const scores = byId(body.scores, 'scoreID');
	const songs = byId(body.songs, 'id');
	const charts = byId(body.charts, 'chartID');
	return body.scoreInfo.map((info) => {
		const score = scores.get(info.scoreID);
		if (!score) throw new Error(`API: scoreInfo names ${info.scoreID}, absent from body.scores`);
		const song = songs.get(score.songID);
		const chart = charts.get(score.chartID);
		if (!song || !chart) throw new Error(`API: score ${info.scoreID} lacks its song or chart`);
		return {
			scoreID: info.scoreID,
			title: song.title,
			difficulty: chart.difficulty,
			score: String(score.scoreData.score),
			isNew: info.isNewScore,
			change: info.isNewScore
				? 'NEW'
				: Object.entries(info.deltas).map(([metric, d]) => `${metric} ${signed(d)}`).join(', '),
		};
	});
}

// --- the page's origin: a static server on another port -----------------------------------------
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

function startStaticServer() {
	const server = createServer(async (req, res) => {
		const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
		const file = resolve(pageDir, '.' + (path === '/' ? '/index.html' : path));
		const type = types[file.slice(file.lastIndexOf('.'))];
		if (req.method !== 'GET' || !file.startsWith(pageDir + sep) || !type) {
			res.writeHead(404).end();
			return;
		}
		try {
			const content = await readFile(file);
			res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(content);
		} catch {
			res.writeHead(404).end();
		}
	});
	return new Promise((ok) => server.listen(pagePort, '127.0.0.1', () => ok(server)));
}

// Tomcat's access log (pattern "%m %U %s %{Origin}i %{If-None-Match}i", "-" for an absent header),
// written by the service as each request ends. Null when the script passed no ACCESS_LOG_DIR.
async function accessLogLines() {
	if (!accessLogDir) return null;
	const lines = [];
	for (const name of (await readdir(accessLogDir)).sort()) {
		lines.push(...(await readFile(join(accessLogDir, name), 'utf8')).split('\n').filter(Boolean));
	}
	return lines;
}

function parseLogLine(line) {
	const [method, path, status, origin, ...ifNoneMatch] = line.split(' ');
	return { method, path, status, origin, ifNoneMatch: ifNoneMatch.join(' ') };
}

/** The first GET of path from origin logged after line `from`; undefined without a log. */
async function nextGet(path, origin, from) {
	for (let waited = 0; ; waited += 100) {
		const lines = await accessLogLines();
		if (!lines) return undefined;
		const hit = lines.slice(from).map(parseLogLine).find((l) => l.method === 'GET' && l.path === path && l.origin === origin);
		if (hit || waited >= 3000) return hit ?? null;
		await new Promise((ok) => setTimeout(ok, 100));
	}
}

// --- one session through the page -----------------------------------------------------------------
async function runSession(context, pageOrigin, sessionID, index, seen) {
	console.log(`session ${sessionID}`);
	const sessionPath = `/api/v1/sessions/${sessionID}`;
	const before = await apiSession(sessionID);
	const rows = expectedRows(before);
	check('API answers the session with at least one scoreInfo entry', rows.length > 0);
	const newName = `E2E ✓ ヒマワリ #${index + 1} ${Date.now()}`;

	const page = await context.newPage();
	const problems = [];
	const requests = [];
	page.on('console', (m) => {
		if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
		else if (m.type() === 'warning') console.log(`       (console.warning: ${m.text()})`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
	page.on('response', (r) => {
		if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()}`);
	});
	page.on('request', (r) => requests.push(r));
	// The network service's own view, which includes CORS preflights whatever Playwright reports.
	const cdp = await context.newCDPSession(page);
	const cdpRequests = [];
	cdp.on('Network.requestWillBeSent', (e) => cdpRequests.push({ method: e.request.method, url: e.request.url, type: e.type }));
	await cdp.send('Network.enable');

	const query = new URLSearchParams({ api: apiBase, session: sessionID, name: newName, token });
	try {
		await page.goto(`${pageOrigin}/index.html?${query}`);
		try {
			await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: stepTimeout });
		} catch {
			problems.push(`page did not finish within ${stepTimeout} ms`);
		}
		const status = await page.locator('#status').getAttribute('data-state');
		if (!check('page finished without an error', status === 'done', `status: ${await page.locator('#status').textContent()}`)) {
			return; // what follows would only time out; the problems below tell why
		}

		check('page and API are different origins', new URL(pageOrigin).origin !== new URL(apiBase).origin,
			`${pageOrigin} vs ${apiBase}`);
		equal('page shows the session name the API had before the rename',
			await page.locator('#session-name').textContent(), before.session.name);

		const shown = await page.$$eval('#scores tbody tr', (trs) => trs.map((tr) => ({
			scoreID: tr.dataset.scoreId,
			title: tr.querySelector('td.song')?.textContent,
			difficulty: tr.querySelector('td.difficulty')?.dataset.difficulty,
			difficultyText: tr.querySelector('td.difficulty')?.textContent,
			score: tr.querySelector('td.score')?.textContent,
			change: tr.querySelector('td.change')?.textContent,
		})));
		equal(`table has one row per scoreInfo entry (${rows.length})`, shown.length, rows.length);
		equal('rows follow scoreInfo order', shown.map((r) => r.scoreID), rows.map((r) => r.scoreID));
		equal('rows show the API\'s song titles', shown.map((r) => r.title), rows.map((r) => r.title));
		equal('rows show the API\'s chart difficulties', shown.map((r) => r.difficulty), rows.map((r) => r.difficulty));
		check('difficulty cells start with the difficulty', shown.every((r, i) => r.difficultyText?.startsWith(rows[i].difficulty)));
		equal('rows show each score\'s scoreData.score', shown.map((r) => r.score), rows.map((r) => r.score));
		for (const kind of ['NEW', 'deltas']) {
			const idx = rows.map((r, i) => ((r.isNew ? 'NEW' : 'deltas') === kind ? i : -1)).filter((i) => i >= 0);
			seen[kind] += idx.length;
			if (idx.length) {
				equal(`${kind} cells are right (${idx.length} rows)`, idx.map((i) => shown[i]?.change), idx.map((i) => rows[i].change));
			}
		}

		// Tachi's Folder Stats view, from the folder-raises route.
		const raises = await apiJson(`${sessionPath}/folder-raises`);
		const shownRaises = await page.$$eval('#folder-raises tbody tr', (trs) => trs.map((tr) => ({
			folderID: tr.dataset.folderId,
			title: tr.querySelector('td.folder')?.textContent,
			value: tr.querySelector('td.value')?.textContent,
			raised: tr.querySelector('td.raised')?.textContent,
		})));
		equal(`folder-raises table has one row per raise (${raises.length})`, shownRaises,
			raises.map((r) => ({ folderID: r.folder.folderID, title: r.folder.title, value: r.value, raised: String(r.raisedCharts.length) })));
		seen.folderRaises += raises.length;

		equal('page shows the new name from the PATCH response', await page.locator('#patched-name').textContent(), newName);
		equal('page shows the new name in its GET after the PATCH',
			await page.locator('#refetched-name').textContent(), newName);
		const after = await apiSession(sessionID);
		equal('API now returns the new name (node fetch)', after.session.name, newName);

		// The PATCH carries Authorization and a JSON Content-Type, so the browser must preflight it.
		// Playwright's page events leave preflights out; the DevTools network domain reports them.
		const isSession = (url) => new URL(url).pathname === sessionPath;
		const preflights = cdpRequests.filter((r) => r.method === 'OPTIONS' && isSession(r.url));
		const pwOptions = requests.filter((r) => r.method() === 'OPTIONS' && isSession(r.url()));
		check('browser sent a CORS preflight (OPTIONS) for the PATCH', preflights.length + pwOptions.length >= 1,
			`requests seen: ${cdpRequests.map((r) => `${r.type} ${r.method} ${r.url}`).join('; ')}`);
		const patches = requests.filter((r) => r.method() === 'PATCH' && isSession(r.url()));
		equal('browser sent one PATCH', patches.length, 1);
		if (patches.length === 1) {
			const res = await patches[0].response();
			equal('PATCH answered 200', res?.status(), 200);
			const headers = await patches[0].allHeaders();
			equal('PATCH sent the bearer token', headers.authorization, `Bearer ${token}`);
			equal('PATCH sent its Origin', headers.origin, pageOrigin);
		}
		const log = await accessLogLines();
		if (log) {
			const options = log.map(parseLogLine).filter((l) => l.method === 'OPTIONS' && l.path === sessionPath);
			check('service saw the preflight: one OPTIONS, answered 204, from the page\'s origin',
				options.length === 1 && options[0].status === '204' && options[0].origin === pageOrigin,
				`access log: ${JSON.stringify(options)}`);
		}

		// Reload twice by clicking: with nothing changed, the browser revalidates its copy and the
		// service answers 304; after another client renamed the session, its ETag must have changed,
		// so the same revalidation gets a 200 with the other name (a stale 304 would show the old one).
		const reload = async () => {
			const n = Number(await page.locator('#reloaded-name').getAttribute('data-reloads'));
			const logBefore = (await accessLogLines())?.length ?? 0;
			await page.click('#reload', { timeout: stepTimeout });
			await page.waitForSelector(`#reloaded-name[data-reloads="${n + 1}"], #status[data-state="error"]`, { timeout: stepTimeout });
			return { name: await page.locator('#reloaded-name').textContent(), wire: await nextGet(sessionPath, pageOrigin, logBefore) };
		};
		const unchanged = await reload();
		equal('Reload with nothing changed shows the same name', unchanged.name, newName);
		if (unchanged.wire !== undefined) {
			check('... and was a revalidation the service answered 304', unchanged.wire?.status === '304' && unchanged.wire.ifNoneMatch !== '-',
				`access log: ${JSON.stringify(unchanged.wire)}`);
		}
		const otherName = `E2E other client #${index + 1} ${Date.now()}`;
		const renamed = await fetch(`${apiBase}${sessionPath}`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: otherName }),
		});
		equal('another client (node) renames the session: 200', renamed.status, 200);
		const changed = await reload();
		equal('Reload after that shows the other client\'s name (ETag changed)', changed.name, otherName);
		if (changed.wire !== undefined) {
			check('... and was a revalidation the service answered 200', changed.wire?.status === '200' && changed.wire.ifNoneMatch !== '-',
				`access log: ${JSON.stringify(changed.wire)}`);
		}
	} finally {
		if (index === 0) {
			await mkdir(dirname(screenshot), { recursive: true });
			await page.screenshot({ path: screenshot, fullPage: true });
			check(`screenshot saved to ${screenshot}`, (await stat(screenshot)).size > 0);
		}
		check('no console errors, page errors, failed requests or HTTP errors', problems.length === 0, problems.join('\n'));
		await page.close();
	}
}

// --- logged in as Tachi's client is: a login cookie backed by a Redis record -----------------------
/** One Redis command over RESP; resolves with the raw reply. */
function redis(...args) {
	return new Promise((ok, fail) => {
		const socket = connect(redisPort, '127.0.0.1');
		let reply = '';
		socket.setTimeout(5000, () => socket.destroy(new Error('redis timed out')));
		socket.on('data', (d) => {
			reply += d;
			if (reply.endsWith('\r\n')) socket.end();
		});
		socket.on('end', () => ok(reply));
		socket.on('error', fail);
		const parts = args.map(String);
		socket.write(`*${parts.length}\r\n` + parts.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join(''));
	});
}

/**
 * What Tachi's login leaves behind (see shared/data/tachi-cookie-sessions): the record under
 * "<NAME><sid>" with a year's TTL, and the cookie "<NAME with _>_SESSION" = encodeURIComponent(
 * "s:" + sid + "." + base64(HMAC-SHA256(secret, sid)) without "="), HttpOnly, Secure, SameSite=Strict.
 */
async function logIn(context, apiUrl, user) {
	const sid = randomBytes(24).toString('base64url');
	const maxAge = 31540000000;
	const expires = new Date(Date.now() + maxAge);
	const record = {
		cookie: { originalMaxAge: maxAge, expires: expires.toISOString(), secure: true, httpOnly: true, path: '/', sameSite: 'strict' },
		tachi: { user, settings: { userID: user.id, following: [], preferences: { invisible: false } } },
	};
	// an hour left in Redis, so the test can see the first request slide it back to a year
	const stored = await redis('SET', tachiName + sid, JSON.stringify(record), 'EX', 3600);
	check('Tachi\'s session record written to Redis', stored === '+OK\r\n', JSON.stringify(stored));
	const signature = createHmac('sha256', sessionSecret).update(sid).digest('base64').replace(/=+$/, '');
	await context.addCookies([{
		name: tachiName.replace(/ /g, '_') + '_SESSION',
		value: encodeURIComponent(`s:${sid}.${signature}`),
		domain: new URL(apiUrl).hostname,
		path: '/',
		expires: Math.floor(expires.getTime() / 1000),
		httpOnly: true,
		secure: true,
		sameSite: 'Strict',
	}]);
	return tachiName + sid;
}

async function runLoggedIn(context, pageOrigin, sessionID) {
	console.log(`logged in (cookie) session ${sessionID}`);
	const sessionPath = `/api/v1/sessions/${sessionID}`;
	const before = await apiSession(sessionID);
	const key = await logIn(context, apiBase, before.user);
	const newName = `E2E cookie ✓ ${Date.now()}`;
	const highlight = !before.session.highlight;

	const page = await context.newPage();
	const problems = [];
	const requests = [];
	page.on('console', (m) => { if (m.type() === 'error') problems.push(`console.error: ${m.text()}`); });
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('requestfailed', (r) => problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
	page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()}`); });
	page.on('request', (r) => requests.push(r));
	const logFrom = (await accessLogLines())?.length ?? 0;
	try {
		await page.goto(`${pageOrigin}/index.html?${new URLSearchParams({ api: apiBase, session: sessionID, auth: 'cookie' })}`);
		await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: stepTimeout });
		if (!check('page loaded the session', await page.locator('#status').getAttribute('data-state') === 'done',
			await page.locator('#status').textContent())) return;
		equal('page shows the name before the change', await page.locator('#session-name').textContent(), before.session.name);

		await page.fill('#new-name', newName);
		await page.setChecked('#new-highlight', highlight);
		await page.click('#save', { timeout: stepTimeout });
		await page.waitForSelector('#status[data-state="saved"], #status[data-state="error"]', { timeout: stepTimeout });
		if (!check('the form saved the change', await page.locator('#status').getAttribute('data-state') === 'saved',
			await page.locator('#status').textContent())) return;

		const patches = requests.filter((r) => r.method() === 'PATCH' && new URL(r.url()).pathname === sessionPath);
		equal('browser sent one PATCH', patches.length, 1);
		if (patches.length === 1) {
			const headers = await patches[0].allHeaders();
			const res = await patches[0].response();
			const resHeaders = await res.allHeaders();
			equal('PATCH answered 200', res.status(), 200);
			check('PATCH carried the login cookie and no token',
				(headers.cookie || '').includes(tachiName.replace(/ /g, '_') + '_SESSION=s%3A') && !headers.authorization,
				JSON.stringify({ cookie: headers.cookie, authorization: headers.authorization }));
			equal('PATCH answer allows exactly the page\'s origin', resHeaders['access-control-allow-origin'], pageOrigin);
			equal('PATCH answer allows credentials', resHeaders['access-control-allow-credentials'], 'true');
		}
		const log = await accessLogLines();
		if (log) {
			const options = log.slice(logFrom).map(parseLogLine).filter((l) => l.method === 'OPTIONS' && l.path === sessionPath);
			check('service answered the credentialed preflight: OPTIONS 204 from the page\'s origin',
				options.length === 1 && options[0].status === '204' && options[0].origin === pageOrigin,
				`access log: ${JSON.stringify(options)}`);
		}

		await page.reload();
		await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: stepTimeout });
		equal('after a reload the page shows the new name', await page.locator('#session-name').textContent(), newName);
		equal('after a reload the page shows the new highlight', await page.locator('#session-highlight').textContent(), String(highlight));
		const after = await apiSession(sessionID);
		equal('API has the new name and highlight (node fetch)', [after.session.name, after.session.highlight], [newName, highlight]);
		const ttl = await redis('TTL', key);
		check('the request slid the Redis record\'s TTL back to a year, as Tachi does',
			/^:\d+\r\n$/.test(ttl) && Number(ttl.slice(1)) > 31539900, JSON.stringify(ttl));
	} finally {
		check('no console errors, page errors, failed requests or HTTP errors (logged in)', problems.length === 0, problems.join('\n'));
		await page.close();
	}
}

// --- main -----------------------------------------------------------------------------------------
const userDataDir = await mkdtemp(join(tmpdir(), 'browser-e2e-profile-'));
const server = await startStaticServer();
const pageOrigin = `http://127.0.0.1:${server.address().port}`;
let context;
try {
	context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: chromiumPath,
		headless: true,
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
		viewport: { width: 1100, height: 700 },
		timeout: 60000,
	});
	console.log(`browser-e2e: Chromium ${context.browser()?.version() ?? ''} at ${chromiumPath}, page origin ${pageOrigin}, API ${apiBase}`);
	const seen = { NEW: 0, deltas: 0, folderRaises: 0 };
	for (const [i, id] of sessionIDs.entries()) {
		try {
			await runSession(context, pageOrigin, id, i, seen);
		} catch (e) {
			check(`session ${id} ran to the end`, false, e.stack || String(e));
		}
	}
	check('the sessions covered NEW rows', seen.NEW > 0, 'no scoreInfo entry with isNewScore true: pick another session');
	check('the sessions covered delta rows', seen.deltas > 0, 'no scoreInfo entry with deltas: pick another session');
	check('the sessions rendered folder-raises rows', seen.folderRaises > 0, 'no session raised anything in a folder: pick another session');
	if (redisPort) {
		try {
			await runLoggedIn(context, pageOrigin, cookieSessionID);
		} catch (e) {
			check(`logged-in session ${cookieSessionID} ran to the end`, false, e.stack || String(e));
		}
	} else {
		console.log('  (no REDIS_PORT: the logged-in part is skipped)');
	}
} catch (e) {
	check('browser run', false, e.stack || String(e));
} finally {
	await context?.close().catch(() => {});
	server.close();
	await rm(userDataDir, { recursive: true, force: true });
}
console.log(`browser-e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
