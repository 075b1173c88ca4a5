/**
 * The ceiling for the HTTP benchmark: a bare Express 5 app on 127.0.0.1 with a JSON route and
 * an EJS page that answer bodies of the same size as the archive's /api/search and /search,
 * with no search, middleware or logging behind them. The JSON route still serialises on every
 * request and the page still renders its template, so both pay what any Express route pays.
 *
 *   node --import tsx bench/servers/bare.ts --sample FILE   (FILE: {"json": {...}, "htmlBytes": N})
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ejs from 'ejs';
import express from 'express';
import type { SearchResult } from '../../src/model.ts';

const TEMPLATE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title><%= result.query %></title></head>
<body><main><h1>Results for <%= result.query %></h1>
<ol><% for (const hit of result.hits) { %><li><a href="<%= hit.url %>"><%= hit.title %></a>
<p><% for (const s of hit.speakers) { %><%= s.name %> <% } %></p><p><%- hit.snippet %></p></li><% } %></ol>
<aside><% for (const [name, values] of Object.entries(result.facets)) { %><h2><%= name %></h2><ul>
<% for (const v of values) { %><li><%= v.name %> (<%= v.count %>)</li><% } %></ul><% } %></aside>
<!-- <%= padding %> --></main></body></html>`;

const { values } = parseArgs({ options: { sample: { type: 'string' } } });
if (!values.sample) throw new Error('pass --sample FILE with the JSON body and the HTML size to match');
const sample = JSON.parse(readFileSync(values.sample, 'utf8')) as { json: SearchResult; htmlBytes: number };
const render = ejs.compile(TEMPLATE);
const unpadded = Buffer.byteLength(render({ result: sample.json, padding: '' }));
const padding = 'x'.repeat(Math.max(0, sample.htmlBytes - unpadded));

// Rendered through Express's view engine with the view cache on, as a production EJS page is.
const views = mkdtempSync(path.join(os.tmpdir(), 'talks-bench-views-'));
writeFileSync(path.join(views, 'search.ejs'), TEMPLATE);
const app = express();
app.set('x-powered-by', false);
app.set('view engine', 'ejs');
app.set('views', views);
app.set('view cache', true);
app.get('/json', (_req, res) => {
  res.json(sample.json);
});
app.get('/page', (_req, res) => {
  res.render('search', { result: sample.json, padding });
});
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  rmSync(views, { recursive: true, force: true });
});
