// What the signed-in caller may do, to hide actions the server would refuse anyway.

export function can(caller, role) {
  const roles = caller ? caller.roles : [];
  return roles.includes('admin') || roles.includes(role);
}
