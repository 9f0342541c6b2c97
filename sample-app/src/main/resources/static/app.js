// The demo page: polls the shop's JSON API every second. No framework, no build step.
'use strict';

const state = { simulator: false, channels: [], simulatedChannels: [], channelTrades: {}, timeoutSeconds: 60, orders: [], trades: {}, late: new Set(), lastRender: '', lastParked: '', skuCards: '' };

const $ = (id) => document.getElementById(id);

function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

function yuan(fen) {
  return '¥' + (fen / 100).toFixed(2);
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = { error: text }; }
  if (!response.ok) {
    throw new Error((data && (data.error || data.detail)) || (response.status + ' ' + response.statusText));
  }
  return data;
}

function say(text, ok) {
  const message = $('message');
  message.textContent = text;
  message.className = 'message ' + (ok ? 'ok' : 'error');
}

// ------------------------------------------------------------------ rendering

// The SKU cards are built once per set of SKUs; afterwards only their numbers and the buttons'
// disabled state change in place. Replacing the cards every second would replace a "Buy 1" button
// between mousedown and mouseup, and the click would be lost.
function renderSkus(skus) {
  const key = JSON.stringify(skus.map((sku) => [sku.id, sku.name, sku.price]));
  if (key !== state.skuCards) {
    state.skuCards = key;
    $('skus').innerHTML = skus.map((sku) => `
      <div class="sku" data-sku="${escapeHtml(sku.id)}">
        <span class="name">${escapeHtml(sku.name)}</span>
        <button class="secondary" data-buy="${escapeHtml(sku.id)}">Buy 1</button>
        <span class="price">${yuan(sku.price)} · SKU ${escapeHtml(sku.id)}</span><span></span>
        <span class="units"><strong></strong> in stock · <span class="sold"></span> sold</span>
      </div>`).join('');
  }
  skus.forEach((sku) => {
    const card = document.querySelector(`[data-sku="${CSS.escape(sku.id)}"]`);
    if (!card) return;
    const button = card.querySelector('button');
    if (button.disabled !== sku.stock < 1) button.disabled = sku.stock < 1;
    const units = card.querySelector('.units');
    units.classList.toggle('low', sku.stock <= 2);
    const stock = units.querySelector('strong');
    if (stock.textContent !== String(sku.stock)) stock.textContent = sku.stock;
    const sold = units.querySelector('.sold');
    if (sold.textContent !== String(sku.sold)) sold.textContent = sku.sold;
  });
}

function countdown(order) {
  if (order.status !== 'UNPAID') {
    return '<span class="done">—</span>';
  }
  if (order.parkedReason) {
    return `<span class="parked">parked: ${escapeHtml(order.parkedReason)}</span>`;
  }
  if (order.secondsLeft <= 0) {
    return '<span class="done">window over, closing…</span>';
  }
  const percent = Math.max(0, Math.min(100, 100 * order.secondsLeft / state.timeoutSeconds));
  const urgent = order.secondsLeft <= 10 ? 'urgent' : '';
  return `${order.secondsLeft}s left<div class="bar ${urgent}"><div style="width:${percent.toFixed(1)}%"></div></div>`;
}

const CHANNELS = { wxpay: 'WeChat Pay', alipay: 'Alipay' };

function channelName(channel) {
  return channel ? (CHANNELS[channel] || channel) : '<span class="hint">not chosen</span>';
}

// Orders a simulated channel (Alipay, WeChat Pay v3) knows: one button, a payment whose notification is lost.
function channelActions(order) {
  const tradeState = state.channelTrades[order.id];
  if (order.status !== 'UNPAID' || (tradeState !== 'WAIT_BUYER_PAY' && tradeState !== 'NOTPAY')) return '';
  return `<button data-act="channel-pay" data-id="${escapeHtml(order.id)}" title="The provider takes the money; its notification is lost, so the close at the deadline finds the payment">Pay</button>`;
}

function actions(order) {
  if (state.channelTrades[order.id]) return channelActions(order);
  const trade = state.trades[order.id];
  if (!trade) {
    return ''; // created before the simulator (re)started: WeChat Pay (simulated) does not know it
  }
  const id = escapeHtml(order.id);
  if (order.status === 'UNPAID') {
    const payable = trade.tradeState === 'NOTPAY' || trade.tradeState === 'USERPAYING';
    return `
      <button data-act="pay" data-id="${id}" ${payable ? '' : 'disabled'} title="WeChat Pay takes the money and notifies the shop">Pay</button>
      <button class="secondary" data-act="pay-silent" data-id="${id}" ${payable ? '' : 'disabled'} title="WeChat Pay takes the money, but its notification is lost">Pay silently</button>
      <button class="quiet" data-act="user-paying" data-id="${id}" ${trade.tradeState === 'NOTPAY' ? '' : 'disabled'} title="WeChat Pay answers USERPAYING until the payer pays">Still paying</button>
      <button class="quiet" data-act="fail-until-parked" data-id="${id}" ${order.parkedReason ? 'disabled' : ''} title="WeChat Pay fails every attempt to close it: delay-close parks it">Fail until parked</button>`;
  }
  if (order.status === 'CLOSED' && !state.late.has(order.id)) {
    return `<button class="quiet" data-act="late" data-id="${id}" title="The payer pays after the close: a race the close won">Pay late</button>`;
  }
  return '';
}

function renderOrders() {
  const orders = state.orders;
  $('no-orders').style.display = orders.length ? 'none' : '';
  $('orders').innerHTML = orders.map((order) => {
    const trade = state.trades[order.id];
    const items = order.items.map((item) => `${item.num} × ${escapeHtml(item.name)}`).join(', ');
    const late = state.late.has(order.id) ? '<span class="badge late">LATE PAYMENT</span>' : '';
    return `
      <tr>
        <td class="order-id">${escapeHtml(order.id)}</td>
        <td class="items">${items}</td>
        <td class="num">${yuan(order.totalFee)}</td>
        <td class="channel">${channelName(order.channel)}</td>
        <td class="countdown" data-countdown="${escapeHtml(order.id)}">${countdown(order)}</td>
        <td class="status"><span class="badge ${order.status}">${order.status}</span>${late}</td>
        <td class="wx sim-only">${escapeHtml(state.channelTrades[order.id] || (trade ? trade.tradeState : ''))}</td>
        <td class="tx">${escapeHtml(order.transactionId || '')}</td>
        <td class="sim-only"><div class="actions">${actions(order)}</div></td>
      </tr>`;
  }).join('');
}

function millis(ms) {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

// The numbers change every second and hold no button: set in place.
function renderStats(ops) {
  $('in-flight').textContent = ops.closesInFlight;
  $('lateness-p50').textContent = millis(ops.lateness.p50Ms);
  $('lateness-p99').textContent = millis(ops.lateness.p99Ms);
  $('closed-count').textContent = ops.lateness.closes;
}

function renderParked(parked) {
  $('no-parked').style.display = parked.length ? 'none' : '';
  $('parked').innerHTML = parked.map((order) => `
      <tr data-parked="${escapeHtml(order.orderId)}">
        <td class="order-id">${escapeHtml(order.orderId)}</td>
        <td><span class="badge parked">${escapeHtml(order.reason)}</span></td>
        <td class="num">${order.attempts}</td>
        <td>${new Date(order.parkedAt).toLocaleTimeString()}</td>
        <td class="error-text">${escapeHtml(order.lastError || '')}</td>
        <td><button data-replay="${escapeHtml(order.orderId)}" title="Back to a fresh decision with fresh attempts">Replay</button></td>
      </tr>`).join('');
}

function renderLate(latePayments) {
  $('late').innerHTML = latePayments.length
    ? latePayments.map((late) => `<li><span class="badge late">LATE</span> order <span class="order-id">${escapeHtml(late.orderId)}</span>
        paid ${new Date(late.paidAt).toLocaleTimeString()} · WeChat Pay transaction <span class="tx">${escapeHtml(late.transactionId)}</span>
        · stays CLOSED: refund it</li>`).join('')
    : '<li class="empty">None yet.</li>';
}

// ------------------------------------------------------------------ polling

async function refresh() {
  try {
    const [skus, orders, late, trades, ops] = await Promise.all([
      api('GET', '/api/skus'),
      api('GET', '/api/orders?limit=30'),
      api('GET', '/api/late-payments'),
      state.simulator ? api('GET', '/api/demo/wxpay/trades') : Promise.resolve([]),
      api('GET', '/api/ops'),
    ]);
    state.orders = orders;
    state.trades = Object.fromEntries(trades.map((trade) => [trade.orderId, trade]));
    state.channelTrades = state.simulatedChannels.length && orders.length
      ? await api('GET', '/api/demo/channel-trades?ids=' + orders.map((o) => encodeURIComponent(o.id)).join(','))
      : {};
    state.late = new Set(late.map((payment) => payment.orderId));
    renderSkus(skus);
    renderStats(ops);
    const parkedKey = JSON.stringify(ops.parked);
    if (parkedKey !== state.lastParked) {
      state.lastParked = parkedKey;
      renderParked(ops.parked);
    }
    // Re-draw the rows only when something besides the countdown changed, so that buttons
    // under the mouse are not replaced between mousedown and click.
    const key = JSON.stringify([orders.map((o) => [o.id, o.status, o.transactionId, o.secondsLeft > 0, o.parkedReason]), trades, state.channelTrades, late]);
    if (key !== state.lastRender) {
      state.lastRender = key;
      renderOrders();
      renderLate(late);
    } else {
      orders.forEach((order) => {
        const cell = document.querySelector(`[data-countdown="${CSS.escape(order.id)}"]`);
        if (cell) cell.innerHTML = countdown(order);
      });
    }
  } catch (e) {
    say('Cannot reach the shop: ' + e.message, false);
  }
}

function chosenChannel(random) {
  if (state.channels.length < 2) return null;
  if (random) {
    const choices = [...state.channels, null];
    return choices[Math.floor(Math.random() * choices.length)];
  }
  return $('channel').value || null;
}

async function createOrder(items, random) {
  const channel = chosenChannel(random);
  const order = await api('POST', '/api/orders', channel ? { items, channel } : { items });
  say(`Order ${order.id} created: ${yuan(order.totalFee)}, waiting for payment${channel ? ' with ' + (CHANNELS[channel] || channel) : ''}.`, true);
  return order;
}

async function run(action) {
  try {
    await action();
  } catch (e) {
    say(e.message, false);
  }
  state.lastRender = '';
  state.lastParked = '';
  await refresh();
}

document.addEventListener('click', (event) => {
  const button = event.target.closest('button');
  if (!button || button.disabled) return;
  if (button.dataset.replay) {
    const id = button.dataset.replay;
    run(async () => {
      await api('POST', `/api/ops/parked/${encodeURIComponent(id)}/replay`);
      say(`Order ${id}: replayed, back to a fresh decision with fresh attempts.`, true);
    });
  } else if (button.dataset.buy) {
    run(() => createOrder([{ skuId: button.dataset.buy, num: 1 }]));
  } else if (button.id === 'random-orders') {
    run(async () => {
      const skus = await api('GET', '/api/skus');
      const available = skus.filter((sku) => sku.stock > 0);
      if (!available.length) throw new Error('Everything is sold out: wait for unpaid orders to close.');
      for (let i = 0; i < 3; i++) {
        const sku = available[Math.floor(Math.random() * available.length)];
        await createOrder([{ skuId: sku.id, num: 1 + Math.floor(Math.random() * Math.min(2, sku.stock)) }], true);
      }
      say('3 orders created: pay some, leave the others and watch them close.', true);
    });
  } else if (button.id === 'system-error') {
    run(async () => {
      await api('POST', '/api/demo/wxpay/system-error');
      say('WeChat Pay will answer SYSTEMERROR once: the close of the next order retries after a short wait.', true);
    });
  } else if (button.dataset.act) {
    const id = button.dataset.id;
    const paths = {
      'pay': [`/api/demo/orders/${id}/pay?notify=true`, 'paid; WeChat Pay notified the shop.'],
      'pay-silent': [`/api/demo/orders/${id}/pay?notify=false`, 'paid, but the shop was not told: the close at the deadline will find the payment.'],
      'user-paying': [`/api/demo/orders/${id}/user-paying`, 'the payer is entering the password (USERPAYING): delay-close will ask again until it is paid or not.'],
      'late': [`/api/demo/orders/${id}/late-payment`, 'paid after the close: stays CLOSED, listed as a late payment.'],
      'channel-pay': [`/api/demo/orders/${id}/channel-pay`, 'paid, but the shop was not told: the close at the deadline will find the payment.'],
      'fail-until-parked': [`/api/demo/orders/${id}/fail-until-parked`, 'WeChat Pay fails every attempt to close it: after its retries delay-close parks it.'],
    };
    const [path, outcome] = paths[button.dataset.act];
    run(async () => {
      await api('POST', path);
      say(`Order ${id}: ${outcome}`, true);
    });
  }
});

async function start() {
  try {
    const demo = await api('GET', '/api/demo');
    state.simulator = demo.simulator;
    state.channels = demo.channels;
    state.simulatedChannels = demo.simulatedChannels;
    if (state.channels.length > 1) {
      document.body.classList.add('channels');
      $('channel').insertAdjacentHTML('beforeend', state.channels
        .map((channel) => `<option value="${escapeHtml(channel)}">${escapeHtml(CHANNELS[channel] || channel)}</option>`).join(''));
    }
    state.timeoutSeconds = demo.timeoutSeconds;
    $('timeout').textContent = demo.timeoutSeconds;
    const mode = $('mode');
    if (demo.simulator || state.simulatedChannels.length) {
      mode.textContent = (demo.simulator && state.channels.includes('wxpay') && !state.simulatedChannels.some((c) => c.channel === 'wxpay')
        ? `WeChat Pay: built-in simulator at ${demo.wxpayBaseUrl} (signed XML over HTTP)` : '')
        + state.simulatedChannels.map((c) => `; ${c.label}: built-in simulator at ${c.url}`).join('');
      mode.textContent = mode.textContent.replace(/^; /, '');
    } else {
      mode.textContent = `WeChat Pay: ${demo.wxpayBaseUrl}. Simulator off, so the payment buttons are hidden.`;
      mode.classList.add('real');
      document.body.classList.add('real');
    }
  } catch (e) {
    say('Cannot reach the shop: ' + e.message, false);
  }
  await refresh();
  setInterval(refresh, 1000);
}

start();
