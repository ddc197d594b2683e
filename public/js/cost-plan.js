/*
 * Live totals for the cost and financing plan while typing. The server computes the
 * authoritative totals; without this script the form works the same.
 */
(function () {
  'use strict';
  var form = document.querySelector('[data-fp-cost-plan]');
  var out = form && form.querySelector('[data-fp-totals]');
  if (!out) return;

  function cents(value) {
    var v = String(value || '').replace(/\s|€/g, '');
    if (!v) return 0;
    if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(v) || /^\d+(,\d{1,2})?$/.test(v)) v = v.replace(/\./g, '').replace(',', '.');
    var n = Number(v);
    return isFinite(n) ? Math.round(n * 100) : 0;
  }
  var euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
  function show() {
    var total = 0;
    form.querySelectorAll('[data-fp-cost]').forEach(function (input) { total += cents(input.value); });
    var own = cents(form.querySelector('[data-fp-own]').value);
    var third = cents(form.querySelector('[data-fp-third]').value);
    out.hidden = false;
    out.textContent = 'Gesamtkosten ' + euro.format(total / 100) + ' – Finanzierungslücke (höchstens beantragbar) ' + euro.format((total - own - third) / 100);
  }
  form.addEventListener('input', show);
  show();
})();
