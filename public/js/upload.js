/*
 * Upload progress: sends the file form with XMLHttpRequest so a progress bar can show how far
 * the upload is, then follows the server's answer. Without JavaScript the form posts normally.
 */
(function () {
  'use strict';
  document.querySelectorAll('form[data-fp-upload]').forEach(function (form) {
    var bar = form.querySelector('[data-fp-progress]');
    if (!bar || !window.FormData) return;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
      });
      request.addEventListener('load', function () {
        // The server answers with the next page (after its redirect) or with the form and its errors.
        document.open();
        document.write(request.responseText);
        document.close();
        if (request.responseURL) history.replaceState(null, '', request.responseURL);
      });
      request.addEventListener('error', function () { form.submit(); });
      bar.hidden = false;
      bar.value = 0;
      form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
      request.send(new FormData(form));
    });
  });
})();
