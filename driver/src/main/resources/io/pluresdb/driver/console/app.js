// The PluresDB web console: Preact components without a build step (h() instead of JSX).
import { h, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

const POLL_MILLIS = 2000;
const SQL_RAN = 'pluresdb-sql-ran';

async function api(path, options = {}) {
  const res = await fetch('api/' + path, { credentials: 'same-origin', ...options });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = new Error((body.error && body.error.message) || res.statusText);
    e.status = res.status;
    e.sqlState = body.error && body.error.sqlState;
    throw e;
  }
  return body;
}

const post = (path, data) => api(path, {
  method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data),
});

const describe = (e) => (e.sqlState ? 'SQLState ' + e.sqlState + ': ' : '') + e.message;

function Rows({ id, columns, rows, keyed }) {
  if (!columns || columns.length === 0) return h('p', { class: 'muted' }, 'No columns.');
  return h('div', { class: 'scroll' }, h('table', { id },
    h('thead', null, h('tr', null, columns.map((c) => h('th', null, c)))),
    h('tbody', null, rows.map((r) => h('tr', keyed ? { key: r.key, class: r.fresh ? 'fresh' : '' } : null,
      (keyed ? r.values : r).map((v) => v === null ? h('td', { class: 'null' }, 'null') : h('td', null, String(v))))))));
}

function Login({ onIn }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  const submit = (ev) => {
    ev.preventDefault();
    post('login', { token }).then(onIn, (e) => setError(e.message));
  };
  return h('section', { class: 'login' },
    h('h2', null, 'PluresDB console'),
    h('form', { onSubmit: submit },
      h('p', { class: 'muted' }, "Log in with the node's token (the one its peers present)."),
      h('input', { id: 'token', type: 'password', placeholder: 'token', autocomplete: 'current-password', value: token,
        onInput: (e) => setToken(e.target.value) }),
      h('div', { class: 'row' }, h('button', { id: 'login', type: 'submit' }, 'Log in')),
      error && h('p', { class: 'error', id: 'login-error' }, error)));
}

function PeerChart({ samples }) {
  const box = useRef(null);
  const plot = useRef(null);
  const keys = [...new Set(samples.flatMap((s) => Object.keys(s.behind)))].sort();
  const signature = keys.join('\n');
  useEffect(() => {
    const data = [samples.map((s) => s.at / 1000),
      samples.map((s) => Object.values(s.behind).reduce((a, b) => a + b, 0)),
      ...keys.map((k) => samples.map((s) => (k in s.behind ? s.behind[k] : null)))];
    if (plot.current && plot.current.signature === signature) {
      plot.current.setData(data);
      return;
    }
    if (plot.current) plot.current.destroy();
    const colors = ['#2f6fde', '#e67e22', '#27ae60', '#8e44ad', '#c0392b', '#16a085'];
    const opts = {
      width: Math.max(320, box.current.clientWidth), height: 220,
      scales: { y: { range: (u, min, max) => [0, Math.max(5, max)] } },
      series: [{}, { label: 'all peers', stroke: '#1d2430', width: 2 },
        ...keys.map((k, i) => ({ label: k.length > 14 ? k.slice(0, 12) + '…' : k, stroke: colors[i % colors.length] }))],
      axes: [{}, { label: 'transactions behind' }],
    };
    plot.current = new window.uPlot(opts, data, box.current);
    plot.current.signature = signature;
  });
  useEffect(() => () => plot.current && plot.current.destroy(), []);
  return h('div', { id: 'peer-chart', ref: box });
}

function Peers() {
  const [snap, setSnap] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    const load = () => api('peers').then((s) => { setSnap(s); setError(null); }, (e) => setError(e.message));
    load();
    const timer = setInterval(load, POLL_MILLIS);
    return () => clearInterval(timer);
  }, []);
  if (!snap) return h('section', null, h('h2', null, 'Peers'), h('p', { class: error ? 'error' : 'muted' }, error || 'Sampling…'));
  const cols = ['node', 'address', 'role', 'state', 'behind', 'sent', 'received', 'last_heard', 'close_reason'];
  const parkedCols = ['node', 'address', 'parked', 'parked_since', 'parked_reason'];
  return [
    h('section', null, h('h2', null, 'Peers: transactions behind, last ', Math.round(snap.samples.length), ' samples'),
      h(PeerChart, { samples: snap.samples }),
      snap.peers.length === 0 ? h('p', { class: 'muted', id: 'no-peers' }, 'No peers yet.')
        : h(Rows, { id: 'peers-table', columns: cols, rows: snap.peers.map((p) => cols.map((c) => p[c])) })),
    h('section', null, h('h2', null, 'Parked transactions'),
      snap.parked.length === 0 ? h('p', { class: 'muted', id: 'no-parked' }, 'Nothing parked: every transaction received could be applied.')
        : h(Rows, { id: 'parked-table', columns: parkedCols, rows: snap.parked.map((p) => parkedCols.map((c) => p[c])) })),
  ];
}

function Tables() {
  const [tables, setTables] = useState([]);
  const [page, setPage] = useState(null);
  const [error, setError] = useState(null);
  const refresh = () => api('tables').then((t) => setTables(t.tables), (e) => setError(e.message));
  useEffect(() => {
    refresh();
    // a statement run in the SQL box may have created or dropped a table
    window.addEventListener(SQL_RAN, refresh);
    return () => window.removeEventListener(SQL_RAN, refresh);
  }, []);
  const open = (table, offset) => api('rows?table=' + encodeURIComponent(table) + '&offset=' + offset + '&limit=25')
    .then((p) => { setPage(p); setError(null); }, (e) => setError(describe(e)));
  return h('section', null, h('h2', null, 'Tables ', h('button', { class: 'plain', onClick: refresh }, 'Refresh')),
    h('div', { class: 'tables', id: 'tables-list' }, tables.length === 0 ? h('span', { class: 'muted' }, 'No tables.')
      : tables.map((t) => h('button', { class: 'plain' + (page && page.table === t ? ' on' : ''), onClick: () => open(t, 0) }, t))),
    error && h('p', { class: 'error' }, error),
    page && [h(Rows, { id: 'rows-table', columns: page.columns, rows: page.rows }),
      h('div', { class: 'row' },
        h('button', { class: 'plain', disabled: page.offset === 0, onClick: () => open(page.table, Math.max(0, page.offset - page.limit)) }, 'Previous'),
        h('span', { class: 'muted' }, 'rows ', page.offset + 1, '–', page.offset + page.rows.length),
        h('button', { class: 'plain', disabled: !page.more, onClick: () => open(page.table, page.offset + page.limit) }, 'Next'))]);
}

function SqlBox() {
  const [sql, setSql] = useState('SELECT * FROM sys_peers');
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const run = () => { setResult(null); setError(null); return post('sql', { sql }).then((r) => { setResult(r); setError(null); window.dispatchEvent(new Event(SQL_RAN)); }, (e) => { setResult(null); setError(describe(e)); }); };
  return h('section', null, h('h2', null, 'SQL'),
    h('textarea', { id: 'sql-input', rows: 4, value: sql, onInput: (e) => setSql(e.target.value),
      onKeyDown: (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) run(); } }),
    h('div', { class: 'row' }, h('button', { id: 'sql-run', onClick: run }, 'Run'), h('span', { class: 'muted' }, 'Ctrl+Enter runs it')),
    error && h('p', { class: 'error', id: 'sql-error' }, error),
    result && (result.columns
      ? h('div', { id: 'sql-result' }, h(Rows, { columns: result.columns, rows: result.rows }),
        result.truncated && h('p', { class: 'muted' }, 'Only the first rows are shown.'))
      : h('p', { id: 'sql-result' }, result.updateCount + ' row(s) changed')));
}

// A live query's rows, kept in place: keyed by the first column, updated and removed as changes arrive.
function LiveQuery() {
  const [sql, setSql] = useState('SELECT * FROM sys_peers');
  const [view, setView] = useState({ columns: [], rows: new Map() });
  const [status, setStatus] = useState('stopped');
  const [error, setError] = useState(null);
  const source = useRef(null);
  const stop = () => { if (source.current) source.current.close(); source.current = null; setStatus('stopped'); };
  useEffect(() => stop, []);
  const start = () => {
    stop();
    setError(null);
    setView({ columns: [], rows: new Map() });
    const es = new EventSource('api/live?sql=' + encodeURIComponent(sql));
    source.current = es;
    setStatus('connecting');
    es.addEventListener('open', () => setStatus('live'));
    es.addEventListener('changes', (ev) => {
      const batch = JSON.parse(ev.data);
      setView((old) => {
        const rows = new Map([...old.rows].map(([k, r]) => [k, { ...r, fresh: false }]));
        for (const c of batch.changes) {
          const key = JSON.stringify(c.values ? c.values[0] : null);
          if (c.kind === 'RESET') rows.clear();
          else if (c.kind === 'DELETE') rows.delete(key);
          else rows.set(key, { key, values: c.values, fresh: c.kind !== 'INITIAL' });
        }
        return { columns: batch.columns, rows };
      });
    });
    es.addEventListener('failure', (ev) => { const e = JSON.parse(ev.data); setError(describe(e)); es.close(); setStatus('stopped'); });
    es.addEventListener('end', () => { es.close(); setStatus('stopped'); });
    es.addEventListener('error', () => { if (es.readyState === EventSource.CLOSED) setStatus('stopped'); });
  };
  return h('section', null, h('h2', null, 'Live query ', h('span', { class: 'muted', id: 'live-status' }, status)),
    h('input', { id: 'live-input', type: 'text', value: sql, onInput: (e) => setSql(e.target.value) }),
    h('div', { class: 'row' }, h('button', { id: 'live-start', onClick: start }, 'Watch'),
      h('button', { class: 'plain', onClick: stop, disabled: status === 'stopped' }, 'Stop'),
      h('span', { class: 'muted' }, 'rows are keyed by the first column')),
    error && h('p', { class: 'error', id: 'live-error' }, error),
    view.columns.length > 0 && h(Rows, { id: 'live-table', columns: view.columns, rows: [...view.rows.values()], keyed: true }));
}

function App() {
  const [state, setState] = useState('loading');
  const check = () => api('session').then((s) => setState(s.open || s.admitted ? 'in' : 'login'), () => setState('login'));
  useEffect(() => { check(); }, []);
  if (state === 'loading') return h('p', { class: 'muted' }, 'Loading…');
  if (state === 'login') return h(Login, { onIn: () => setState('in') });
  const logout = () => post('logout', {}).finally(check);
  return [
    h('header', null, h('h1', null, 'PluresDB console'), h('span', { class: 'node' }, location.host),
      h('button', { class: 'plain', id: 'logout', onClick: logout }, 'Log out')),
    h('main', { id: 'console' }, h(Peers), h(SqlBox), h(LiveQuery), h(Tables)),
  ];
}

const root = document.getElementById('app');
root.textContent = '';
render(h(App), root);
