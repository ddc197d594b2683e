/*
 * Förderportal Soziales – progressive Verbesserung. Die Seiten funktionieren
 * vollständig ohne dieses Skript. Keine Abhängigkeiten, kein Inline-Code (CSP).
 */
(function () {
  'use strict';

  var summary = document.querySelector('[data-fp-error-summary]');
  if (!summary) {
    return;
  }

  // 1. Fehlerzusammenfassung beim Laden fokussieren (Screenreader lesen sie vor).
  summary.focus();

  // 2. Links der Zusammenfassung: Feld fokussieren und dessen Label/Legende
  //    mit ins Bild scrollen (ohne JS springt der Browser nur zum Feld).
  summary.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (!link) {
      return;
    }
    var id = decodeURIComponent(link.getAttribute('href').slice(1));
    var field = document.getElementById(id);
    if (!field) {
      return;
    }
    event.preventDefault();
    var fieldset = field.closest('fieldset');
    var legend = fieldset ? fieldset.querySelector('legend') : null;
    var label = document.querySelector('label[for="' + id + '"]');
    var anchor = legend || label || field;
    anchor.scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
  });
})();
