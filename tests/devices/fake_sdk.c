/* A stand-in for a reader vendor's sdtapi.dll (and WltRS.dll's GetBmp), for the tests.
 *
 * Same C signatures as the vendor header sdtapi.h; the scenario is chosen with
 * fake_set_scenario and the card's text block and photo are handed in with fake_set_card.
 * Built with -DDECODER_ONLY it exports GetBmp alone (a decoder library, or an SDK that
 * lacks its functions). Never shipped: the tests compile it with gcc. */
#include <stdio.h>
#include <string.h>

#ifndef DECODER_ONLY
enum { CARD_PRESENT = 0, NO_CARD = 1, REMOVED_AT_SELECT = 2, REMOVED_AT_READ = 3,
       PORT_FAILS = 4, ODD_STATUS = 5 };

static int scenario = CARD_PRESENT;
static unsigned char text[256];
static unsigned int text_len = 0;
static unsigned char photo[1024];
static unsigned int photo_len = 0;
static int open_port = 0;

void fake_set_scenario(int which) { scenario = which; }

void fake_set_card(const unsigned char *t, unsigned int tl, const unsigned char *p, unsigned int pl) {
    text_len = tl > sizeof text ? sizeof text : tl;
    memcpy(text, t, text_len);
    photo_len = pl > sizeof photo ? sizeof photo : pl;
    memcpy(photo, p, photo_len);
}

int fake_port_open(void) { return open_port; }

int SDT_OpenPort(int port) {
    if (scenario == PORT_FAILS) return 0x01;
    open_port = port;
    return 0x90;
}

int SDT_ClosePort(int port) {
    if (open_port == port) open_port = 0;
    return 0x90;
}

int SDT_StartFindIDCard(int port, unsigned char *iin, int if_open) {
    (void)if_open;
    if (port != open_port) return 0x01;
    if (scenario == NO_CARD) return 0x80;
    if (scenario == ODD_STATUS) return 0x24;
    memset(iin, 0, 4);
    return 0x9F;
}

int SDT_SelectIDCard(int port, unsigned char *sn, int if_open) {
    (void)if_open;
    if (port != open_port) return 0x01;
    if (scenario == REMOVED_AT_SELECT) return 0x81;
    memset(sn, 0, 8);
    return 0x90;
}

int SDT_ReadBaseMsg(int port, unsigned char *ch, unsigned int *ch_len, unsigned char *ph,
                    unsigned int *ph_len, int if_open) {
    (void)if_open;
    if (port != open_port) return 0x01;
    if (scenario == REMOVED_AT_READ) return 0x41;
    memcpy(ch, text, text_len);
    *ch_len = text_len;
    memcpy(ph, photo, photo_len);
    *ph_len = photo_len;
    return 0x90;
}
#endif

/* WltRS.dll: zp.wlt -> zp.bmp next to it; here "BM" then the WLT bytes, 1 = success. A WLT
 * starting with "BAD" is refused with -1 (the decoder's "photo decode error"). */
int GetBmp(char *wlt_file, int intf) {
    (void)intf;
    unsigned char data[2048];
    char bmp_file[4096];
    size_t n, len = strlen(wlt_file);
    FILE *in, *out;
    if (len < 4 || len >= sizeof bmp_file || strcmp(wlt_file + len - 4, ".wlt") != 0) return -2;
    in = fopen(wlt_file, "rb");
    if (!in) return -3;
    n = fread(data, 1, sizeof data, in);
    fclose(in);
    if (n >= 3 && memcmp(data, "BAD", 3) == 0) return -1;
    memcpy(bmp_file, wlt_file, len - 4);
    strcpy(bmp_file + len - 4, ".bmp");
    out = fopen(bmp_file, "wb");
    if (!out) return -3;
    fwrite("BM", 1, 2, out);
    fwrite(data, 1, n, out);
    fclose(out);
    return 1;
}
