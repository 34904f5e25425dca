// A small client of the API. Its upload is the original document's fetch example, unchanged in substance.
const $ = (id) => document.getElementById(id);
const state = { project: null, box: null };

const api = async (path, options = {}) => {
  const headers = { ...(options.headers || {}) };
  const token = localStorage.getItem('token');
  if (token) headers['Authorization'] = `Token ${token}`;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(options.json);
  }
  const response = await fetch(`/api${path}`, { ...options, headers });
  if (response.status === 401) { localStorage.removeItem('token'); show(); }
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) throw Object.assign(new Error(describe(body)), { body });
  return body;
};

const describe = (body) => body?.error || body?.detail ||
  Object.entries(body || {}).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`).join('; ');

// From the original document: React + Fetch.
const uploadFile = async (boxId, file, options = {}) => {
  const formData = new FormData();
  formData.append('file', file);
  if (options.promptText) formData.append('prompt_text', options.promptText);
  if (options.isFavorite) formData.append('is_favorite', options.isFavorite);
  if (options.aiModelId) formData.append('ai_model', options.aiModelId);
  const response = await fetch(`/api/boxes/${boxId}/upload/`, {
    method: 'POST',
    headers: { 'Authorization': `Token ${localStorage.getItem('token')}` },
    body: formData
  });
  const body = await response.json();
  if (!response.ok) throw new Error(describe(body));
  return body;
};

const item = (text, active, onClick) => {
  const li = document.createElement('li');
  li.textContent = text;
  if (active) li.className = 'active';
  li.onclick = onClick;
  return li;
};

async function loadProjects() {
  const { results } = await api('/projects/?page_size=200');
  $('projects').replaceChildren(...results.map((p) =>
    item(`${p.name} (${p.box_count})`, p.id === state.project, () => { state.project = p.id; state.box = null; loadProjects(); })));
  if (!state.project && results.length) { state.project = results[0].id; return loadProjects(); }
  await loadBoxes();
}

async function loadBoxes() {
  if (!state.project) { $('boxes').replaceChildren(); return; }
  const { results } = await api(`/boxes/?project=${state.project}&page_size=200`);
  $('boxes').replaceChildren(...results.map((b) =>
    item(`${b.name} (${b.asset_count})`, b.id === state.box, () => { state.box = b.id; state.boxName = b.name; loadBoxes(); })));
  $('box-title').textContent = state.box ? state.boxName : 'Choose a box';
  $('dropzone').hidden = !state.box;
  await loadAssets();
}

async function loadAssets() {
  if (!state.box) { $('assets').replaceChildren(); return; }
  const { results } = await api(`/boxes/${state.box}/assets/?page_size=200`);
  $('assets').replaceChildren(...results.map((a) => {
    const li = document.createElement('li');
    const media = document.createElement(a.asset_type === 'VIDEO' ? 'video' : 'img');
    media.src = a.file_url;
    if (a.asset_type === 'VIDEO') media.controls = true; else media.alt = a.prompt_text || 'asset';
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = `${a.is_favorite ? '★ ' : ''}${a.prompt_text || '(no prompt)'}${a.ai_model_name ? ' · ' + a.ai_model_name : ''}`;
    const favorite = document.createElement('button');
    favorite.textContent = a.is_favorite ? 'Unfavourite' : 'Favourite';
    favorite.onclick = async () => { await api(`/assets/${a.id}/`, { method: 'PATCH', json: { is_favorite: !a.is_favorite } }); loadAssets(); };
    const remove = document.createElement('button');
    remove.textContent = 'Delete';
    remove.onclick = async () => { await api(`/assets/${a.id}/`, { method: 'DELETE' }); loadBoxes(); };
    li.append(media, meta, favorite, remove);
    return li;
  }));
}

async function handleUpload(file) {
  $('upload-error').textContent = '';
  $('uploading').hidden = false;
  try {
    await uploadFile(state.box, file, {
      promptText: $('prompt').value, isFavorite: $('favorite').checked, aiModelId: $('ai-model').value,
    });
    $('prompt').value = '';
    await loadBoxes();
  } catch (error) {
    $('upload-error').textContent = error.message;
  } finally {
    $('uploading').hidden = true;
    $('file-input').value = '';
  }
}

async function show() {
  const signedIn = !!localStorage.getItem('token');
  $('login-view').hidden = signedIn;
  $('main-view').hidden = !signedIn;
  $('logout').hidden = !signedIn;
  if (!signedIn) { $('whoami').textContent = ''; return; }
  const me = await api('/auth/me/');
  $('whoami').textContent = me.username;
  const models = await api('/ai-models/?page_size=200');
  $('ai-model').replaceChildren(new Option('—', ''), ...models.results.map((m) => new Option(`${m.name} (${m.provider})`, m.id)));
  await loadProjects();
}

$('login-form').onsubmit = async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const credentials = { username: form.get('username'), password: form.get('password') };
  $('login-error').textContent = '';
  try {
    const path = event.submitter?.value === 'register' ? '/auth/register/' : '/auth/token/';
    const { token } = await api(path, { method: 'POST', json: credentials });
    localStorage.setItem('token', token);
    await show();
  } catch (error) {
    $('login-error').textContent = error.message;
  }
};

$('logout').onclick = async () => {
  try { await api('/auth/logout/', { method: 'POST' }); } finally { localStorage.removeItem('token'); show(); }
};

$('project-form').onsubmit = async (event) => {
  event.preventDefault();
  const project = await api('/projects/', { method: 'POST', json: { name: event.target.name.value } });
  event.target.reset();
  state.project = project.id; state.box = null;
  await loadProjects();
};

$('box-form').onsubmit = async (event) => {
  event.preventDefault();
  if (!state.project) return;
  const box = await api('/boxes/', { method: 'POST', json: { project: state.project, name: event.target.name.value } });
  event.target.reset();
  state.box = box.id; state.boxName = box.name;
  await loadProjects();
};

const zone = $('dropzone');
zone.ondragover = (e) => { e.preventDefault(); zone.classList.add('over'); };
zone.ondragleave = () => zone.classList.remove('over');
zone.ondrop = (e) => { e.preventDefault(); zone.classList.remove('over'); const file = e.dataTransfer.files[0]; if (file) handleUpload(file); };
$('file-input').onchange = (e) => { const file = e.target.files[0]; if (file) handleUpload(file); };

show();
