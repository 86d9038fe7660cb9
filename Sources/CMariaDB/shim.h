#ifndef SLUICE_CMARIADB_SHIM_H
#define SLUICE_CMARIADB_SHIM_H
#include <mysql.h>
#endif
