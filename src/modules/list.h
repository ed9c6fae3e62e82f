/* The modules, one line each, in the order of the home menu (a role's
 * daily modules come first). Adding a module: its files, then one line
 * here. Included by registry.c only. */
MODULE(registration)
MODULE(medical)
MODULE(sync)           /* before the larger groups: the manager's menu is full otherwise */
MODULE(psych)
MODULE(training)
MODULE(reintegration)
MODULE(protection)
MODULE(distribution)
MODULE(reports)
MODULE(admin)
MODULE(session)
