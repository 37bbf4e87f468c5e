// One-shot (docker-compose service mongo-init), run by mongosh on mongo1's localhost: initiates
// the replica set, creates the root user and the API's user. Safe to run again.
const env = process.env;
for (const name of ['MONGO_ROOT_USERNAME', 'MONGO_ROOT_PASSWORD', 'MONGO_APP_PASSWORD']) {
  if (!env[name] || env[name] === 'CHANGE_ME') {
    throw new Error(`set ${name} in .env`);
  }
}

if (!db.hello().setName) {
  // mongo1 is preferred as primary, so that this job (on mongo1's localhost) can write.
  rs.initiate({
    _id: 'rs0',
    members: [
      { _id: 0, host: 'mongo1:27017', priority: 2 },
      { _id: 1, host: 'mongo2:27017', priority: 1 },
      { _id: 2, host: 'mongo3:27017', priority: 1 },
    ],
  });
}

for (let waited = 0; !db.hello().isWritablePrimary; waited += 1) {
  if (waited === 120) {
    throw new Error('mongo1 did not become primary within 120 s');
  }
  sleep(1000);
}

const admin = db.getSiblingDB('admin');
const logInAsRoot = () => {
  try {
    return admin.auth(env.MONGO_ROOT_USERNAME, env.MONGO_ROOT_PASSWORD).ok === 1;
  } catch {
    return false;
  }
};
if (!logInAsRoot()) {
  // Allowed once, before any user exists (the localhost exception).
  admin.createUser({
    user: env.MONGO_ROOT_USERNAME,
    pwd: env.MONGO_ROOT_PASSWORD,
    roles: ['root'],
  });
  logInAsRoot();
}

const app = db.getSiblingDB('habitgym');
if (app.getUser('habitgym') === null) {
  app.createUser({
    user: 'habitgym',
    pwd: env.MONGO_APP_PASSWORD,
    roles: [{ role: 'readWrite', db: 'habitgym' }],
  });
} else {
  app.updateUser('habitgym', { pwd: env.MONGO_APP_PASSWORD });
}
print('replica set rs0 ready, users in place');
