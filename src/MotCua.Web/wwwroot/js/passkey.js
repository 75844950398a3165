/* Passkeys (WebAuthn) as a second factor: on the sign-in pages, answers the assertion options the
   server offered after the right password and posts the form again; on the security page, adds a
   passkey through /api/accounts/me/passkeys. Hand-written, no library, no inline script. Binary
   fields travel as base64url (WebAuthn Level 3 JSON serialisation). */
(function () {
  'use strict';

  function toBuffer(text) {
    var s = text.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) s += '=';
    var binary = atob(s);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }
  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function descriptors(list) {
    (list || []).forEach(function (c) { c.id = toBuffer(c.id); });
    return list;
  }
  function credentialJson(credential) {
    var r = credential.response;
    var json = {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {},
      response: { clientDataJSON: toText(r.clientDataJSON) }
    };
    if (r.attestationObject) {
      json.response.attestationObject = toText(r.attestationObject);
      json.response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      json.response.authenticatorData = toText(r.authenticatorData);
      json.response.signature = toText(r.signature);
      if (r.userHandle) json.response.userHandle = toText(r.userHandle);
    }
    return json;
  }
  function say(box, text) {
    var status = box.querySelector('[data-passkey-status]');
    if (status) status.textContent = text;
  }
  var supported = !!(window.PublicKeyCredential && navigator.credentials);

  var signIn = document.querySelector('[data-passkey-sign-in]');
  if (signIn) {
    signIn.querySelector('[data-passkey-use]').addEventListener('click', function () {
      var form = signIn.closest('form');
      if (!supported) { say(signIn, 'Trình duyệt này không hỗ trợ khóa truy cập; hãy nhập mã xác thực.'); return; }
      if (!form.elements.password.value) { say(signIn, 'Nhập lại mật khẩu trước.'); form.elements.password.focus(); return; }
      var options = JSON.parse(signIn.getAttribute('data-options'));
      options.challenge = toBuffer(options.challenge);
      options.allowCredentials = descriptors(options.allowCredentials);
      navigator.credentials.get({ publicKey: options }).then(function (credential) {
        form.elements.passkeyResponse.value = JSON.stringify(credentialJson(credential));
        form.submit();
      }).catch(function () {
        say(signIn, 'Không dùng được khóa truy cập (đã hủy hoặc hết thời gian). Hãy thử lại hoặc nhập mã xác thực.');
      });
    });
  }

  var register = document.querySelector('[data-passkey-register]');
  if (register) {
    register.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!supported) { say(register, 'Trình duyệt này không hỗ trợ khóa truy cập.'); return; }
      var token = register.elements.__RequestVerificationToken.value;
      var name = register.elements.name.value;
      var headers = { 'Content-Type': 'application/json', 'RequestVerificationToken': token };
      fetch('/api/accounts/me/passkeys/options', { method: 'POST', headers: headers, credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw r; return r.json(); })
        .then(function (begin) {
          var options = begin.options;
          options.challenge = toBuffer(options.challenge);
          options.user.id = toBuffer(options.user.id);
          options.excludeCredentials = descriptors(options.excludeCredentials);
          return navigator.credentials.create({ publicKey: options }).then(function (credential) {
            return fetch('/api/accounts/me/passkeys', {
              method: 'POST', headers: headers, credentials: 'same-origin',
              body: JSON.stringify({ challengeId: begin.challengeId, name: name, credential: credentialJson(credential) })
            });
          });
        })
        .then(function (r) { if (!r.ok) throw r; window.location.reload(); })
        .catch(function () { say(register, 'Chưa thêm được khóa truy cập (đã hủy, hết thời gian hoặc khóa này đã đăng ký). Hãy thử lại.'); });
    });
  }
})();
