// A plain-DOM client of the session API, served from another origin than the API, as Tachi's web
// client is. Query string: api (base URL of the service), session (session ID), name (optional:
// rename the session to this with a PATCH), token (bearer token for the PATCH). With auth=cookie the
// page is logged in as Tachi's client is: it sends no token, every request carries the browser's
// Tachi login cookie (credentials: 'include'), and the session is changed with the form.
'use strict';

const params = new URLSearchParams(location.search);
const api = (params.get('api') || '').replace(/\/+$/, '');
const sessionID = params.get('session') || '';
const newName = params.get('name');
const token = params.get('token') || 'demo-token-customise';
const cookieAuth = params.get('auth') === 'cookie';
// Tachi's client sends every API request with its login cookie.
const credentials = cookieAuth ? { credentials: 'include' } : {};

const $ = (id) => document.getElementById(id);

function setStatus(state, text) {
	$('status').dataset.state = state;
	$('status').textContent = text;
}

/** A delta as the table shows it: "+12345", "-1", "0". */
function signed(n) {
	return n > 0 ? '+' + n : String(n);
}

/** "NEW" for a first play, otherwise every delta in the API's order: "score +12345, lamp -1". */
function changeText(info) {
	if (info.isNewScore) {
		return 'NEW';
	}
	return Object.entries(info.deltas).map(([metric, delta]) => metric + ' ' + signed(delta)).join(', ');
}

/** Fetches a Tachi envelope and returns its body; throws with the API's description otherwise. */
async function call(method, url, init = {}) {
	const res = await fetch(url, { method, ...credentials, ...init });
	const json = await res.json();
	if (!res.ok || json.success !== true) {
		throw new Error(method + ' ' + url + ' -> ' + res.status + ': ' + json.description);
	}
	return json.body;
}

function cell(row, text, className) {
	const td = document.createElement('td');
	td.textContent = text;
	if (className) {
		td.className = className;
	}
	row.appendChild(td);
	return td;
}

function renderScores(body) {
	const scores = new Map(body.scores.map((s) => [s.scoreID, s]));
	const songs = new Map(body.songs.map((s) => [s.id, s]));
	const charts = new Map(body.charts.map((c) => [c.chartID, c]));
	const tbody = $('scores').tBodies[0];
	tbody.replaceChildren();
	body.scoreInfo.forEach((info, i) => {
		const score = scores.get(info.scoreID);
		if (!score) {
			throw new Error('scoreInfo names score ' + info.scoreID + ', which is not in body.scores');
		}
		const song = songs.get(score.songID);
		const chart = charts.get(score.chartID);
		if (!song || !chart) {
			throw new Error('score ' + info.scoreID + ' has no song or chart in the response');
		}
		const row = document.createElement('tr');
		row.dataset.scoreId = info.scoreID;
		cell(row, String(i + 1), 'num');
		cell(row, song.title, 'song');
		cell(row, chart.difficulty + (chart.level ? ' ' + chart.level : ''), 'difficulty').dataset.difficulty = chart.difficulty;
		cell(row, String(score.scoreData.score), 'num score');
		cell(row, score.scoreData.lamp ?? '', 'lamp');
		cell(row, changeText(info), info.isNewScore ? 'change new' : 'change');
		tbody.appendChild(row);
	});
}

/** Tachi's Folder Stats view: one row per folder the session raised something in. */
function renderFolderRaises(raises) {
	const tbody = $('folder-raises').tBodies[0];
	tbody.replaceChildren();
	raises.forEach((raise) => {
		const row = document.createElement('tr');
		row.dataset.folderId = raise.folder.folderID;
		cell(row, raise.folder.title, 'folder');
		cell(row, raise.value, 'value');
		cell(row, String(raise.raisedCharts.length), 'num raised');
		cell(row, raise.previousCount + ' / ' + raise.totalCharts, 'num previous');
		tbody.appendChild(row);
	});
	$('folder-raises').dataset.rows = String(raises.length);
}

async function main() {
	if (!api || !sessionID) {
		throw new Error('the query string needs api and session');
	}
	const url = api + '/api/v1/sessions/' + encodeURIComponent(sessionID);
	$('session-id').textContent = sessionID;

	const body = await call('GET', url);
	$('session-name').textContent = body.session.name;
	$('session-highlight').textContent = String(body.session.highlight);
	$('session-game').textContent = '(' + body.session.game + ' ' + body.session.playtype + ', '
		+ body.scoreInfo.length + ' scores)';
	renderScores(body);
	renderFolderRaises(await call('GET', url + '/folder-raises'));

	if (newName !== null) {
		setStatus('renaming', 'renaming…');
		// Authorization and a JSON Content-Type make this a non-simple request: a preflight first.
		const patched = await call('PATCH', url, {
			headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
			body: JSON.stringify({ name: newName }),
		});
		$('patched-name').textContent = patched.name;
		// The browser drops its cached copy after a PATCH to the same URL, so this is a full GET.
		const again = await call('GET', url);
		$('refetched-name').textContent = again.session.name;
	}
	setStatus('done', 'done');
	$('reload').disabled = false;
	$('save').disabled = !cookieAuth;
}

// The form, as Tachi's session page offers it to its logged-in owner: name and highlight.
$('save').addEventListener('click', () => {
	$('save').disabled = true;
	setStatus('saving', 'saving…');
	// A JSON Content-Type makes this a non-simple request: a credentialed preflight first.
	call('PATCH', api + '/api/v1/sessions/' + encodeURIComponent(sessionID), {
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ name: $('new-name').value, highlight: $('new-highlight').checked }),
	}).then((patched) => {
		$('session-name').textContent = patched.name;
		$('session-highlight').textContent = String(patched.highlight);
		setStatus('saved', 'saved');
	}).catch(fail);
});

// Reload: the browser revalidates its cached copy (If-None-Match), so this shows the old name if the
// service answered 304 for a session that changed since.
let reloads = 0;
$('reload').addEventListener('click', () => {
	$('reload').disabled = true;
	setStatus('reloading', 'reloading…');
	call('GET', api + '/api/v1/sessions/' + encodeURIComponent(sessionID)).then((body) => {
		reloads++;
		$('reloaded-name').textContent = body.session.name;
		$('reloaded-name').dataset.reloads = String(reloads);
		renderScores(body);
		setStatus('done', 'done (reloaded ' + reloads + '×)');
		$('reload').disabled = false;
	}).catch(fail);
});

function fail(err) {
	setStatus('error', String(err && err.message || err));
	console.error(err);
}

main().catch(fail);
