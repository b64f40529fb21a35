## What the programs around the core say in their own words: the desktop shell (files it
## reads, the clipboard, updates) and the `cashout` command line (its arguments, files and
## variables), the credentials' and the keychain's refusals, and the exports' file checks.
## Ids start with `p-`; English is the wording the tests compare. Argument names, variables
## and commands (--env, OKP_API_KEY, `cashout team migrate`) are never translated.

## Archivos ($file: su ruta tal como se dio; $detail: lo que dijo el sistema de archivos, tal cual)
p-file-unreadable = no se puede leer { $file }: { $detail }
# $size y $limit: megabytes enteros, en dígitos.
p-batch-file-too-large = { $file } pesa { $size } MB; un archivo de lote tiene como máximo { $limit } MB
# $limit: kibibytes, en dígitos.
p-request-too-large = { $file } pesa más de { $limit } KiB; una creación es un solo objeto JSON pequeño
p-request-not-utf8 = la solicitud no es texto UTF-8
p-export-is-database = { $file } es una base de datos (¿el diario o el estado del sandbox?), no una exportación: elija otro archivo
p-export-exists = { $file } ya existe; elija otro archivo, o indique que se reemplace (--overwrite)
p-file-not-written = no se puede escribir { $file }: { $detail }

## El lote en revisión (el estado propio de la ventana y de la aplicación)
p-batch-no-review = no se está revisando ningún archivo: abra uno primero
p-batch-review-replaced = desde entonces se abrió otro archivo para revisar; este quedó cerrado
p-batch-other-environment = el archivo se revisó para otro entorno; ábralo de nuevo
p-batch-bytes-missing = los bytes del archivo no llegaron
p-batch-state-unusable = el estado de lotes de la aplicación no se puede usar; reinicie la aplicación

## La aplicación de escritorio
p-command-unfinished = el comando no pudo terminar: { $detail }
p-clipboard-failed = no se pudo escribir en el portapapeles: { $detail }
p-team-settings-unreadable = no se pudo leer la configuración del diario del equipo: { $detail }
# $name y $value: lo que envió la ventana, entre comillas dobles.
p-approvals-no-list = no existe la lista de aprobaciones { $name }
p-approvals-decision = una decisión es approve o reject, no { $value }

## Nombres de los filtros de los diálogos de archivos
p-filter-spreadsheets = Hojas de cálculo (CSV, Excel)
p-filter-workbook = Libro de Excel
p-filter-csv = CSV

## Actualizaciones ($version, $offered, $shown: números de versión como 1.4.2)
p-update-installing-already = ya se está instalando una actualización
p-update-sending-refused = se está instalando una actualización y la aplicación se reinicia en un momento: no se envió nada; envíelo cuando la aplicación vuelva
p-update-batch-refused = se está instalando una actualización y la aplicación se reinicia en un momento: el lote no se inició; reanúdelo cuando la aplicación vuelva
p-update-check-failed = la búsqueda de actualizaciones falló: { $detail }
p-update-none-offered = ahora no se ofrece ninguna versión más reciente
p-update-other-version = ahora se ofrece la versión { $offered }, no la { $shown } mostrada: vuelva a buscar y elija
# $detail: las palabras del propio actualizador (p. ej. por qué la firma no se verificó).
p-update-not-installed = la versión { $version } no se instaló: { $detail }
p-update-on-quit = La versión { $version } está descargada y verificada; se instala al cerrar la aplicación.

## Credenciales (lo que documenta el proveedor: tres valores, clave y frase de contraseña ≤ 32 caracteres)
p-cred-api-key-required = la API Key es obligatoria
p-cred-api-key-long = la API Key tiene como máximo 32 caracteres
p-cred-passphrase-required = la API Passphrase es obligatoria
p-cred-passphrase-long = la API Passphrase tiene como máximo 32 caracteres
p-cred-signature-required = la API Signature es obligatoria
# $detail: las palabras del propio servicio de llavero.
p-keychain-unavailable = el llavero del sistema no está disponible ({ $detail }); desbloquéelo, o indique las credenciales en OKP_API_KEY, OKP_API_PASSPHRASE y OKP_API_SIGNATURE (CLI)
p-keychain-refused = el llavero del sistema rechazó la operación: { $detail }
p-keychain-damaged = la entrada del llavero de este entorno está dañada; guarde las credenciales de nuevo

## La línea de comandos
p-no-data-dir = esta plataforma no tiene carpeta de datos
p-cli-no-data-dir = esta plataforma no tiene carpeta de datos; indique --journal
# $database y $user: los del perfil del equipo, tal como están escritos; $variable: la variable de la contraseña.
p-cli-team-password-missing = la configuración elige el diario del equipo { $database } como { $user }, y no hay contraseña guardada para él: defina { $variable } o guárdela en la aplicación
p-cli-sandbox-with-url = --env sandbox es el sandbox integrado; para otro servidor local indique solo --base-url (sus registros son propios: entorno local)
# $environment: el nombre del entorno (production, staging).
p-cli-fixed-host = { $environment } tiene un host fijo; quite --base-url o use --env custom
p-cli-sandbox-not-started = el sandbox no pudo iniciarse: { $detail }
p-cli-sandbox-not-reset = el sandbox no pudo restablecerse: { $detail }
# $problem: uno de los mensajes p-cred-*.
p-cli-credential-variables = variables OKP_API_*: { $problem }
p-cli-credential-variables-partial = defina todas las variables OKP_API_KEY, OKP_API_PASSPHRASE y OKP_API_SIGNATURE, o ninguna
p-cli-give-id = indique --id o --external-id
p-cli-id-positive = el id del retiro es un número positivo
p-cli-no-journal = no hay un diario en { $file } (¿una ruta mal escrita?)
p-cli-no-local-journal = no hay un diario local en { $file }
# $status y $action: tal como se escribieron, entre comillas dobles.
p-cli-unknown-status = estado desconocido { $status }
p-cli-unknown-audit-action = acción de auditoría desconocida { $action }
p-cli-credentials-which = indique de qué entorno son las credenciales: --env NOMBRE
p-cli-sandbox-credentials = el sandbox usa credenciales de demostración fijas (vea el README); no hay nada que guardar
p-cli-stdin-unreadable = no se puede leer la entrada estándar: { $detail }
p-cli-team-profile-unreadable = no se puede leer el perfil del equipo { $file }: { $detail }
p-cli-not-a-team-profile = { $file } no es un perfil de equipo ({"{"}"host", "port", "database", "user", "ca_file"{"}"}): { $detail }
# $variable: la variable de la contraseña; $user: el usuario del perfil.
p-cli-team-password-variable = defina { $variable } con la contraseña de { $user }
p-cli-give-team = indique --team PERFIL (un archivo JSON con la conexión del diario del equipo)
p-cli-operator-password-unreadable = no se puede leer la contraseña del operador desde la entrada estándar: { $detail }
# $typed: el valor de --control tal como se escribió.
p-cli-control-total-shape = { $typed }: escriba un total de control como MONEDA:CANTIDAD:TOTAL, p. ej. BRL:120:35250.00
p-cli-control-total-count = { $typed }: la cantidad es un número entero de pagos
# $currencies: las monedas del lote, separadas por comas.
p-cli-control-totals-missing = indique el total de control de cada moneda (--control MONEDA:CANTIDAD:TOTAL) tal como figura en sus registros; el lote envía en { $currencies } (vea --dry-run)
# $typed: el valor de --map tal como se escribió.
p-cli-mapping-shape = { $typed }: escriba ENCABEZADO=CAMPO
# $column: entre comillas dobles; $columns: los encabezados del archivo, separados por comas.
p-cli-mapping-no-column = el archivo no tiene la columna { $column } (tiene { $columns })

## El botón de las notificaciones del sistema
p-notify-open-batch = Abrir lote
p-notify-open-payout = Abrir pago
